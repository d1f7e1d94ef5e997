"""The floor under the commands: tasks more than one command does, or that a command hands to
worker processes. A command may import these, never another command (the layers contract in
pyproject.toml); a task imports only the packages below the commands.

- `run_check`: check files, write the run's formats and report files, decide the exit status
  (`sip validate`, `sip fix`).
- `report_page`: one plan's report page, the same for one plan and for a site (`sip render`).
- `render_site`: a site of pages and its index, each plan read and checked once.
- `diff_file`: what changed in one plan file between two revisions (`sip diff`).
"""
