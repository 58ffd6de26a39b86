use std::process::ExitCode;

fn main() -> ExitCode {
    psoas_coach::app::main()
}
