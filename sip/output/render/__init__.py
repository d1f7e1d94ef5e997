"""`sip render`: plans to reports for people who never open YAML.

context.py   the documented types every template receives (never raw dicts)
build.py     a validated plan (and its diagnostics) -> PlanReport; plans -> SiteIndex
brief.py     the one-minute summary at the top of a report, from the plan's figures
words.py     section ids, headings and empty-state sentences both templates share
environment.py  the one Jinja environment: loaders, escaping, filters, charts
escape.py    Markdown escaping: plan text is data, never markup
charts.py    inline SVG charts with text alternatives
pages.py     page names, the generated-file marker, writing pages safely
"""
