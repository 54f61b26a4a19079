//! Embeds every `guides/*.toml` into the binary as `BUNDLED` (file name, text),
//! so the app works from any folder after `cargo install`.

use std::{env, fs, path::Path};

fn main() {
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
