-- Neovim's built-in LSP client attached to `sip lsp`: open a plan, wait for the diagnostics the
-- server publishes, write them one a line ("CODE LINE:COLUMN-LINE:COLUMN message") to
-- $SIP_NVIM_OUT, quit. Works from Neovim 0.7 (Debian 12's) on: vim.lsp.start_client and
-- buf_attach_client, which vim.lsp.start wraps in later versions.
local python = os.getenv("SIP_PYTHON")
local plan = os.getenv("SIP_PLAN")
local out = os.getenv("SIP_NVIM_OUT")

local client = vim.lsp.start_client({
  name = "sip",
  cmd = { python, "-m", "sip", "lsp" },
  root_dir = vim.fn.fnamemodify(plan, ":h"),
})
vim.cmd("edit " .. vim.fn.fnameescape(plan))
vim.lsp.buf_attach_client(0, client)

local arrived = vim.wait(30000, function()
  return #vim.diagnostic.get(0) > 0
end, 50)

local lines = {}
if not arrived then
  table.insert(lines, "TIMEOUT no diagnostics arrived")
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(lines, string.format("%s %d:%d-%d:%d %s", d.code, d.lnum + 1, d.col + 1,
    d.end_lnum + 1, d.end_col + 1, d.message))
end
vim.fn.writefile(lines, out)
vim.lsp.stop_client(client)
vim.cmd("qa!")
