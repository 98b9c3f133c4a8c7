//! The `wirediff` binary: everything lives in the library; see `cli`.

fn main() -> std::process::ExitCode {
    wirediff::cli::main()
}
