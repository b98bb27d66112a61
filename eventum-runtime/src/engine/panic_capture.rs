//! Panics inside event bodies are Eventum's produce errors: the timestamp
//! yields nothing, the message is reported, generation goes on. This module
//! installs (once) a panic hook that stays quiet on generator threads and
//! keeps the message for the engine, and defers to the previous hook
//! everywhere else.

use std::cell::{Cell, RefCell};
use std::panic::{self, PanicHookInfo};
use std::sync::Once;

thread_local! {
    static CAPTURING: Cell<bool> = const { Cell::new(false) };
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn message(info: &PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic with a non-string payload".to_owned())
}

/// Installs the hook (idempotent).
pub(crate) fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CAPTURING.with(Cell::get) {
                LAST.with(|l| *l.borrow_mut() = Some(message(info)));
            } else {
                previous(info);
            }
        }));
    });
}

/// Marks the current thread as a generator thread: its panics are captured.
pub(crate) fn capture_on_this_thread() {
    CAPTURING.with(|c| c.set(true));
}

/// The message of the last captured panic on this thread.
pub(crate) fn take_last() -> String {
    LAST.with(|l| l.borrow_mut().take())
        .unwrap_or_else(|| "panic".to_owned())
}
