-- What a person does in a plan, in a headless Neovim whose init.lua is docs/editors.md's
-- configuration (tests/test_nvim.py): open the plan, wait for sip's diagnostics, press K on
-- an id, press gd on it, and write down what the editor showed, one thing a line, to
-- $SIP_NVIM_OUT:
--   DIAGNOSTIC CODE LINE:COLUMN-LINE:COLUMN message
--   HOVER <the hover window's first line>
--   DEFINITION <the cursor's line after gd>
--   OMNIFUNC <the buffer's omnifunc>
local plan = os.getenv("SIP_PLAN")
local out = os.getenv("SIP_NVIM_OUT")
local line, column = os.getenv("SIP_ID_AT"):match("(%d+):(%d+)")
line, column = tonumber(line), tonumber(column)
local lines = {}

vim.cmd("edit " .. vim.fn.fnameescape(plan))
if not vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50) then
  table.insert(lines, "TIMEOUT no diagnostics arrived")
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(lines, string.format("DIAGNOSTIC %s %d:%d-%d:%d %s", d.code, d.lnum + 1, d.col + 1,
    d.end_lnum + 1, d.end_col + 1, d.message))
end

local function floating()
  for _, window in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(window).relative ~= "" then
      return window
    end
  end
end

vim.api.nvim_win_set_cursor(0, { line, column - 1 })
vim.cmd("normal K")
if vim.wait(30000, function() return floating() ~= nil end, 50) then
  local shown = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(floating()), 0, 1, false)[1]
  table.insert(lines, "HOVER " .. shown)
  vim.api.nvim_win_close(floating(), true)
else
  table.insert(lines, "HOVER none")
end

vim.api.nvim_win_set_cursor(0, { line, column - 1 })
vim.cmd("normal gd")
vim.wait(30000, function() return vim.api.nvim_win_get_cursor(0)[1] ~= line end, 50)
table.insert(lines, "DEFINITION " .. vim.api.nvim_win_get_cursor(0)[1])
table.insert(lines, "OMNIFUNC " .. vim.bo.omnifunc)

vim.fn.writefile(lines, out)
vim.cmd("qa!")
