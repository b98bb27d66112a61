// A generator needs at least one event.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    pub fn helper() -> u32 {
        1
    }
}

fn main() {}
