// mimalloc, not the system allocator: the emulator's requests allocate on one worker thread
// and free on another, which glibc's malloc serialises on its arena locks (a quarter of the
// emulator's time at 64 connections, bench/README.md, "The emulator's request path").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(desk_invoke::run(std::env::args_os()));
}
