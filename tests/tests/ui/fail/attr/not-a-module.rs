// #[generator] applies to an inline module.
#[eventum_runtime::generator(name = "test-x")]
pub fn gen_x() {}

fn main() {}
