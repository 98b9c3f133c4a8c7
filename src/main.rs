//! The `wirediff` binary: everything lives in the library; see `cli`.

/// jemalloc with transparent huge pages (options in `.cargo/config.toml`): the large
/// inputs' page faults are most of the system time (docs/ARCHITECTURE.md, "Allocator").
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    wirediff::cli::main()
}
