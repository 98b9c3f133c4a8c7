fn main() -> std::process::ExitCode {
    wirediff::cli::main()
}
