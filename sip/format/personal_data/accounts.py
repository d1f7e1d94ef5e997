"""Messaging and social media accounts: a handle after a messenger's name (`WeChat: zhangwei_88`),
a social handle (`@zhangwei88`), and links that open a person's chat or profile
(`wa.me/60123456789`, `t.me/ramthapa98`, `line.me/ti/p/~somchai`, `viber://chat?number=...`,
`instagram.com/siti.rahayu`). Links are read after percent-decoding (sip.format.personal_data
.reading), so `wa.me/%2B60...` is `wa.me/+60...`.

A link's host stays and what follows it is claimed: the person is in the path or the query.
"""

from __future__ import annotations

import re

from sip.format.personal_data.kinds import HANDLE, PHONE, PROFILE

_MESSENGERS = (
    r"(?i:wechat|weixin|telegram|viber|whatsapp|facebook|fb|instagram|tiktok|zalo|skype|"
    r"kakaotalk|messenger)|LINE|Line(?=\s*ID)|IG|imo|Signal"
)  # `line: 3` is no messenger
AFTER_MESSENGER = rf"(?<![^\W_])(?:{_MESSENGERS})(?i:\s*(?:id|account|handle|name))?\s*[:=]"
HANDLE_PATTERN = re.compile(
    rf"{AFTER_MESSENGER}\s*(?P<value>@?[\w.-]{{3,}})"
    r"|(?<![\w@.])(?P<at>@[A-Za-z_][\w.]{2,}\w)"
)

# Hosts whose every path is a person's chat (a phone number, a username, an invitation).
_CHAT_HOSTS = (
    r"t\.me|telegram\.(?:me|dog)|wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com|m\.me|line\.me|"
    r"zalo\.me|u\.wechat\.com|invite\.viber\.com|signal\.me|msng\.link"
)
# Hosts whose paths are profiles. A company's own page is public: list it in
# `public-identifiers` (docs/personal-data.md).
_PROFILE_HOSTS = r"instagram\.com|instagr\.am|facebook\.com|fb\.com|fb\.me|tiktok\.com|linkedin\.com/in"
_CHAT_SCHEMES = r"viber|whatsapp|tg|weixin|wechat|line|skype|zalo|fb-messenger|kakaotalk|sgnl|imo"
# The rest of a link, up to a space, a quote, a bracket or what an earlier step claimed (NUL),
# and not its last punctuation mark.
_REST = r"[^\s<>\"'()\[\]{}\0]*[^\s<>\"'()\[\]{}\0.,;:!?]"
# A link starts where a word starts: `a-t.me/name` and `x_wa.me/60...` are read as links too,
# `chat.me/...` and `online.me/...` are other sites.
LINK = re.compile(
    rf"(?i:(?<![^\W_])(?:https?://)?(?:(?:www|m|mobile|web|l|business)\.)?"
    rf"(?:(?P<chat>{_CHAT_HOSTS})|(?P<profile>{_PROFILE_HOSTS}))/(?P<value>{_REST})"
    rf"|(?<![^\W_])(?:{_CHAT_SCHEMES})://(?P<app>{_REST}))"
)
_ONLY_A_NUMBER = re.compile(r"[~+/]*[0-9]{7,}/?")


def link_kind(m: re.Match[str]) -> tuple[str, str]:
    """The group of a LINK match that holds the person, and its kind."""
    if m.group("profile"):
        return "value", PROFILE
    group = "value" if m.group("chat") else "app"
    return group, PHONE if _ONLY_A_NUMBER.fullmatch(m.group(group)) else HANDLE


def handle_group(m: re.Match[str]) -> str:
    return "value" if m.group("value") else "at"
