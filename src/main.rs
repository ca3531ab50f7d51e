fn main() {
    std::process::exit(desk_invoke::run(std::env::args_os()));
}
