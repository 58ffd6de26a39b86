//! The `psoas` binary: everything is in the library; see `app::main`.

use std::process::ExitCode;

fn main() -> ExitCode {
    psoas_coach::app::main()
}
