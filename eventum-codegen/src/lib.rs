//! The code generator behind `#[eventum_runtime::generator]`.

use proc_macro2::TokenStream;

/// Expands a `#[generator(...)] mod name { ... }` item.
pub fn expand_generator(args: TokenStream, item: TokenStream) -> TokenStream {
    let _ = args;
    item
}
