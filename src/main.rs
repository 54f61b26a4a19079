//! The `leidraad` binary: parse the command line and hand off.

fn main() {
    one_malloc_arena();
    std::process::exit(leidraad::cli::main());
}

/// glibc gives each thread that allocates an arena of its own; the saver
/// and the worker allocate little and seldom, and their arenas held about
/// 0.6 MB resident in a conversation (issue 17 point 4). One arena for all
/// threads: they rarely allocate at the same time.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn one_malloc_arena() {
    // SAFETY: mallopt only sets an allocator parameter; it is called
    // before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn one_malloc_arena() {}
