//! The `leidraad` binary: parse the command line and hand off.

fn main() {
    std::process::exit(leidraad::cli::main());
}
