//! The `wirediff` binary: everything lives in the library; see `cli`.

#[cfg(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
mod large_alloc;

#[cfg(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
#[global_allocator]
static ALLOC: large_alloc::LargeAlloc = large_alloc::LargeAlloc;

fn main() -> std::process::ExitCode {
    #[cfg(all(
        target_os = "linux",
        any(target_arch = "x86_64", target_arch = "aarch64")
    ))]
    large_alloc::tune();
    wirediff::cli::main()
}
