//! The binary's allocator: the system allocator, except that large blocks (the input
//! texts, sentence and link arrays, the export buffer) are mapped on their own with
//! transparent huge pages requested.
//!
//! A large comparison touches a hundred megabytes or so, mostly in a few big buffers; with
//! 4 KiB pages every one of those pages costs a page fault, and the system allocator hands
//! big blocks back to the kernel on free and maps fresh (faulting) pages for the next. In
//! 2 MiB pages the same buffers take a few dozen faults. Growing a large block remaps it
//! (`mremap`) instead of copying.
//!
//! With glibc, [`tune`] also has the system allocator keep the memory it has touched
//! (instead of trimming it and faulting fresh pages in for the next blocks) and extend its
//! heaps in large steps (instead of one `mprotect` call per few pages).

use std::alloc::{GlobalAlloc, Layout, System};
use std::ffi::c_void;

unsafe extern "C" {
    fn mmap(addr: *mut c_void, len: usize, prot: i32, flags: i32, fd: i32, off: i64)
    -> *mut c_void;
    fn munmap(addr: *mut c_void, len: usize) -> i32;
    fn mremap(old: *mut c_void, old_len: usize, new_len: usize, flags: i32, ...) -> *mut c_void;
    fn madvise(addr: *mut c_void, len: usize, advice: i32) -> i32;
}

/// Tune glibc's allocator for a run that allocates and frees a lot of memory in a short
/// time: heaps grown 16 MiB at a time and trimmed only past 64 MiB of free space at the
/// top, and no blocks under [`HUGE`] mapped on their own (larger ones never reach it).
pub fn tune() {
    #[cfg(target_env = "gnu")]
    {
        unsafe extern "C" {
            fn mallopt(param: i32, value: i32) -> i32;
        }
        const M_TRIM_THRESHOLD: i32 = -1;
        const M_TOP_PAD: i32 = -2;
        const M_MMAP_THRESHOLD: i32 = -3;
        // SAFETY: mallopt only changes allocator parameters; called before any thread
        // is started.
        unsafe {
            mallopt(M_TRIM_THRESHOLD, 64 << 20);
            mallopt(M_TOP_PAD, 16 << 20);
            mallopt(M_MMAP_THRESHOLD, HUGE as i32);
        }
    }
}

const PROT_READ: i32 = 1;
const PROT_WRITE: i32 = 2;
const MAP_PRIVATE: i32 = 2;
const MAP_ANONYMOUS: i32 = 0x20;
const MREMAP_MAYMOVE: i32 = 1;
const MADV_HUGEPAGE: i32 = 14;
const MAP_FAILED: *mut c_void = !0usize as *mut c_void;

/// Huge page size; blocks of at least this size are mapped on their own, in whole huge
/// pages (the kernel aligns such mappings to huge page boundaries).
const HUGE: usize = 2 << 20;
/// Mappings are page aligned: larger alignments go to the system allocator.
const PAGE: usize = 4096;

/// The system allocator, with blocks of [`HUGE`] bytes and more mapped on their own.
pub struct LargeAlloc;

fn is_large(size: usize, align: usize) -> bool {
    size >= HUGE && align <= PAGE
}

fn mapped_len(size: usize) -> usize {
    size.next_multiple_of(HUGE)
}

unsafe fn map(size: usize) -> *mut u8 {
    let len = mapped_len(size);
    // SAFETY: an anonymous private mapping at an address of the kernel's choosing.
    unsafe {
        let p = mmap(
            std::ptr::null_mut(),
            len,
            PROT_READ | PROT_WRITE,
            MAP_PRIVATE | MAP_ANONYMOUS,
            -1,
            0,
        );
        if p == MAP_FAILED {
            return std::ptr::null_mut();
        }
        // Only a hint: without transparent huge pages the block still works.
        madvise(p, len, MADV_HUGEPAGE);
        p.cast()
    }
}

unsafe impl GlobalAlloc for LargeAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if is_large(layout.size(), layout.align()) {
            // SAFETY: see `map`.
            unsafe { map(layout.size()) }
        } else {
            // SAFETY: forwarded with the caller's layout.
            unsafe { System.alloc(layout) }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if is_large(layout.size(), layout.align()) {
            // Fresh anonymous mappings are zero-filled.
            // SAFETY: see `map`.
            unsafe { map(layout.size()) }
        } else {
            // SAFETY: forwarded with the caller's layout.
            unsafe { System.alloc_zeroed(layout) }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if is_large(layout.size(), layout.align()) {
            // SAFETY: `ptr` was mapped by `map` with this size (same layout).
            unsafe {
                munmap(ptr.cast(), mapped_len(layout.size()));
            }
        } else {
            // SAFETY: `ptr` came from the system allocator with this layout.
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        let (old_large, new_large) = (is_large(layout.size(), align), is_large(new_size, align));
        // SAFETY: `ptr` belongs to the allocator its old size routes to; `new_size` is
        // valid for `align` (the caller's contract), and copies stay within both blocks.
        unsafe {
            match (old_large, new_large) {
                (false, false) => System.realloc(ptr, layout, new_size),
                (true, true) => {
                    let (old_len, new_len) = (mapped_len(layout.size()), mapped_len(new_size));
                    if old_len == new_len {
                        return ptr;
                    }
                    let p = mremap(ptr.cast(), old_len, new_len, MREMAP_MAYMOVE);
                    if p == MAP_FAILED {
                        return std::ptr::null_mut();
                    }
                    p.cast()
                }
                _ => {
                    let new_layout = Layout::from_size_align_unchecked(new_size, align);
                    let p = self.alloc(new_layout);
                    if !p.is_null() {
                        std::ptr::copy_nonoverlapping(ptr, p, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                    p
                }
            }
        }
    }
}
