//! Entry point of the browser app (built for wasm32 by trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    uew::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser app: serve it with `bash scripts/serve.sh`.");
    eprintln!("For the command-line evaluator run `cargo run --release --bin uew -- help`.");
    std::process::exit(2);
}
