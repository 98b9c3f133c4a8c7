//! The `wirediff` binary: everything lives in the library; see `cli`.

#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
mod large_alloc;

#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
#[global_allocator]
static ALLOC: large_alloc::LargeAlloc = large_alloc::LargeAlloc;

fn main() -> std::process::ExitCode {
    #[cfg(all(target_os = "linux", target_pointer_width = "64"))]
    large_alloc::tune();
    wirediff::cli::main()
}
