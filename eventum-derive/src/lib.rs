//! The `#[generator]` attribute macro. All the work happens in
//! `eventum-codegen`, an ordinary library that can be unit-tested in
//! process; this crate only forwards token streams (askama's split).

use proc_macro::TokenStream;

/// Compiles an inline module of annotated event functions into a generator.
/// See the `eventum-runtime` documentation for the authoring model.
#[proc_macro_attribute]
pub fn generator(args: TokenStream, item: TokenStream) -> TokenStream {
    eventum_codegen::expand_generator(args.into(), item.into()).into()
}
