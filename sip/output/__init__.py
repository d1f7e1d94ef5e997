"""Everything sip writes for people and tools: validate's diagnostic formats, status and diff
output, report files, progress bars, the figures reports share, and rendered reports."""
