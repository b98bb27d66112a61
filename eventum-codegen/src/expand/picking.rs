//! Picking tables folded at compile time: Vose's alias table for `chance`,
//! index lists for `chain`.

use crate::model::{Generator, Mode};
use proc_macro2::TokenStream;
use quote::quote;

/// Vose's alias method over `weights`: `(prob, alias)`.
///
/// Weights whose total is not a positive finite number (already reported
/// by the checks) are treated as equal, so the table stays well-formed.
pub(crate) fn alias_table(weights: &[f64]) -> (Vec<f64>, Vec<u32>) {
    let n = weights.len();
    let mut total: f64 = weights.iter().sum();
    let uniform = vec![1.0; n];
    let weights = if total.is_finite() && total > 0.0 {
        weights
    } else {
        total = n as f64;
        &uniform
    };
    let mut scaled: Vec<f64> = weights.iter().map(|w| w * n as f64 / total).collect();
    let mut prob = vec![1.0; n];
    let mut alias: Vec<u32> = (0..n as u32).collect();
    let (mut small, mut large): (Vec<usize>, Vec<usize>) = (0..n).partition(|&i| scaled[i] < 1.0);
    while let (Some(s), Some(&l)) = (small.pop(), large.last()) {
        prob[s] = scaled[s];
        alias[s] = l as u32;
        scaled[l] = scaled[l] + scaled[s] - 1.0;
        if scaled[l] < 1.0 {
            large.pop();
            small.push(l);
        }
    }
    (prob, alias)
}

/// The expression building this generator's picker from `rng`.
pub(crate) fn picker(krate: &TokenStream, g: &Generator, names: &[String]) -> TokenStream {
    let n = names.len();
    let p = quote!(#krate::__private);
    match g.mode() {
        Mode::All => quote!(#p::Picker::all(#n, rng)),
        Mode::Any => quote!(#p::Picker::any(#n, rng)),
        Mode::Spin => quote!(#p::Picker::spin(#n, rng)),
        Mode::Chance => {
            let weights: Vec<f64> = g
                .aliases()
                .map(|(_, a)| a.weight.as_ref().map_or(1.0, |w| w.value))
                .collect();
            let (prob, alias) = alias_table(&weights);
            quote! {{
                static PROB: [f64; #n] = [#(#prob),*];
                static ALIAS: [u32; #n] = [#(#alias),*];
                #p::Picker::chance(#p::AliasTable::from_static(&PROB, &ALIAS), rng)
            }}
        }
        Mode::Chain => {
            let idx: Vec<u16> = g
                .args
                .chain
                .iter()
                .filter_map(|c| names.iter().position(|n| c == n).map(|i| i as u16))
                .collect();
            let len = idx.len();
            quote! {{
                static CHAIN: [u16; #len] = [#(#idx),*];
                #p::Picker::chain(#n, #p::Cow::Borrowed(&CHAIN), rng)
            }}
        }
        Mode::Fsm => {
            let initial = g
                .aliases()
                .position(|(_, a)| a.initial.is_some())
                .unwrap_or(0);
            quote!(#p::Picker::fsm(#n, #initial, rng))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_table_reproduces_weights() {
        let w = [250.0, 200.0, 100.0, 80.0, 1.0];
        let (prob, alias) = alias_table(&w);
        let n = w.len() as f64;
        let total: f64 = w.iter().sum();
        let mut mass = vec![0.0; w.len()];
        for i in 0..w.len() {
            mass[i] += prob[i] / n;
            mass[alias[i] as usize] += (1.0 - prob[i]) / n;
        }
        for (m, wi) in mass.iter().zip(w) {
            assert!((m - wi / total).abs() < 1e-12, "{mass:?}");
        }
    }

    #[test]
    fn overflowing_weights_give_a_finite_table() {
        let (prob, alias) = alias_table(&[f64::MAX, f64::MAX]);
        assert!(prob.iter().all(|p| p.is_finite()), "{prob:?}");
        assert_eq!(alias.len(), 2);
    }
}
