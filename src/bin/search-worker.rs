//! The search worker: the engine, the tokenizer and the snippets run here, in a wasm of their own
//! that the app starts when a reader first searches (`api::search`).

fn main() {
    console_error_panic_hook::set_once();
    newsreader::api::serve_search_worker();
}
