//! Embeds every `guides/*.toml` into the binary as `BUNDLED` (file name, text),
//! so the app works from any folder after `cargo install`; and, for a release
//! build linked by rust-lld, lays out the code a conversation runs together
//! (`link/order.txt`, see `symbol_order`).

use std::{env, fs, path::Path, process::Command};

fn main() {
    symbol_order();
    println!("cargo::rerun-if-changed=guides");
    let mut names: Vec<String> = fs::read_dir("guides")
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".toml"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("guides");
    let mut out = String::from(
        "/// The bundled guides: (file name, contents), sorted by name.\npub static BUNDLED: &[(&str, &str)] = &[\n",
    );
    for name in &names {
        let path = dir.join(name);
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR is set by cargo")).join("bundled.rs");
    fs::write(dest, out).expect("writing bundled.rs into OUT_DIR");
}

/// Hands `link/order.txt` (written by `scripts/perf/order.sh`) to the linker as
/// `--symbol-ordering-file`, so the functions a conversation runs come first in
/// `.text` and together: the kernel maps a binary's code in 64 KB windows around
/// each fault, so code spread over the binary makes nearly all of it resident.
/// Only when the linker is certainly rust-lld (the default of rustc 1.90 and
/// later on x86_64-unknown-linux-gnu, and no linker chosen by the user) and only
/// for the release profile; a name the file has and the binary lacks (a new
/// compiler or dependency) is passed over without a warning.
fn symbol_order() {
    println!("cargo::rerun-if-changed=link/order.txt");
    for var in [
        "RUSTC_LINKER",
        "RUSTFLAGS",
        "CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER",
        "CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS",
    ] {
        println!("cargo::rerun-if-env-changed={var}");
    }
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("link/order.txt");
    let Some(path) = file.to_str() else { return };
    // -Wl, splits its argument at commas.
    if path.contains(',') || !file.is_file() || !linker_is_rust_lld() {
        return;
    }
    if env::var("PROFILE").as_deref() != Ok("release") {
        return;
    }
    println!("cargo::rustc-link-arg-bin=leidraad=-Wl,--no-warn-symbol-ordering");
    println!("cargo::rustc-link-arg-bin=leidraad=-Wl,--symbol-ordering-file={path}");
}

/// Whether rustc links with its own rust-lld: target x86_64-unknown-linux-gnu,
/// rustc 1.90 or later, and nothing that chooses another linker or linker
/// flavour (a configured linker, or rustflags naming one).
fn linker_is_rust_lld() -> bool {
    if env::var("TARGET").as_deref() != Ok("x86_64-unknown-linux-gnu") {
        return false;
    }
    if env::var_os("RUSTC_LINKER").is_some()
        || env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_some()
    {
        return false;
    }
    let encoded = env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let plain = env::var("RUSTFLAGS").unwrap_or_default();
    let target = env::var("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS").unwrap_or_default();
    let flags = [encoded, plain, target].join(" ");
    if ["linker", "fuse-ld", "link-self-contained"]
        .iter()
        .any(|word| flags.contains(word))
    {
        return false;
    }
    rustc_minor().is_some_and(|minor| minor >= 90)
}

/// The minor version of the rustc cargo builds with (`rustc -vV`, "release: 1.95.0"),
/// when it is Rust 1.
fn rustc_minor() -> Option<u32> {
    let rustc = env::var_os("RUSTC")?;
    let out = Command::new(rustc).arg("-vV").output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let release = text.lines().find_map(|l| l.strip_prefix("release: "))?;
    let mut parts = release.split('.');
    if parts.next()? != "1" {
        return None;
    }
    parts.next()?.parse().ok()
}
