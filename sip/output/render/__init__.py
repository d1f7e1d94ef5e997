"""`sip render`: plans to reports for people who never open YAML.

context.py        the documented types a plan's report receives (never raw dicts)
index_context.py  the documented types a site's index receives: its plans, the portfolio, its history
build.py          a validated plan (and its diagnostics) -> PlanReport
shown.py          what every part is built with: vocabulary Labels, ids as the page shows them
actions.py        a response or an improvement: what a remedy covers, pays and still owes
brief.py          the one-minute summary, written from the plan's facts (brief_words.py, worst.py)
site.py           plans -> SiteIndex: rows, the portfolio's totals (history_view.py: its months)
links.py          what a site's page shows of other plans' findings
audience.py       what the public is not shown
words.py          section ids, headings, labels and sentences both templates share
environment.py    the one Jinja environment: loaders, escaping, filters, charts
escape.py         Markdown escaping: plan text is data, never markup
charts.py         inline SVG charts with text alternatives
pages.py          page names, the generated-file marker, writing pages safely
"""
