"""Notations that span a card's lines, read as rendered: HTML tables and lists, notes written as JSON objects,
reStructuredText's fields, directives, underlined titles, literal blocks and simple tables, MkDocs' admonitions and tabs,
blockquotes and the mails of a thread (headers, quoted replies), a Confluence page's panels, macros and tables,
GitHub's footnotes, task lists and reference links, a saved chat's turns, a quiz's point values, a git log's
commits and diffs, a Trello card's fields and comments, a talk's timestamped notes, spreadsheet rows pasted
with their cell references, formulas and comments, an Anki cloze export's deletions, "Extra:" field and tags, AsciiDoc's
titles, blocks, tables and links, notes kept as INI or TOML config, Mermaid diagrams' labels, footnotes marked
with superscript numbers, a slide deck's "Slide 7 — Scaling out" titles, LaTeX beamer frames and lists, a
revision sheet's own blanks with their answers, a quiz bank in Moodle's GIFT format, a Hugo page's front
matter and shortcodes, a Jupyter notebook's code cells and outputs, an Obsidian vault's tags, wikilinks and
callouts, notes kept as comments in an .sql file (banners, comment blocks, statements), in a Python file
(constants, dicts, code) or in a Terraform file (locals, variables, resources), a sheet of IF/THEN decision
rules, text pasted from a PDF (running headers, hyphenated line breaks), a teacher's marking scheme, notes kept
as a changelog (Added / Fixed / Removed), notes kept as manual pages (NAME, sections, options), forum threads saved as notes (accepted answers, other
answers, comments), a photo's OCR text (bullets read as "o" or "e"), Cornell
notes (CUES, NOTES, SUMMARY), notes written as letters (sign-offs, postscripts).

Each turns lines into the plain lines the rest of the reader understands (pipe rows, "- " items, "key: value"
labels, "## " headings, code fences), keeping every line's file line; `markup.unmarked` runs them before its
line-by-line markup.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .cloze import ClozeError, has_cloze, reveal_cloze
from .note_sections import ORG_DRAWER, ORG_DRAWER_END, ORG_PLANNING, PROMPT
from .types import Line
from .units import names_a_unit

__all__ = ["FOOTNOTE", "QUOTED", "SLIDE_LOCATOR", "block_notations", "is_mail"]

QUOTED: Final = "Quoted: "     # a line quoted from a mail replied to (`_quotes`), or a chat turn a later one supersedes (`_chat`)
FOOTNOTE: Final = "Footnote: "  # a footnote's text ("[^1]: before that …", `_github`): an aside on the line that marks it

# HTML pasted into notes: a table's rows, list items and inline tags ("<tr><td>Invocation timeout</td><td>60 s</td></tr>")
_HTML_TAG: Final = re.compile(r"</?(?:table|thead|tbody|tfoot|tr|td|th|ul|ol|li|b|i|em|strong|u|code|span|p|div|small|sup|sub|details|summary)"
                              r"\b[^<>]*>",
                              re.IGNORECASE)
_HTML_CELL_GAP: Final = re.compile(r"\s*</t[dh]>\s*<t[dh]\b[^<>]*>\s*", re.IGNORECASE)
_HTML_ROW: Final = re.compile(r"<tr\b[^<>]*>\s*<t[dh]\b[^<>]*>\s*(.*?)\s*</t[dh]>\s*(?:</tr>|$)", re.IGNORECASE)
# a collapsible answer's "<summary>Answer</summary>": a button's label, no words of the notes
_REVEAL: Final = re.compile(r"<summary\b[^<>]*>\s*(?:show\s+|reveal\s+|click\s+(?:to\s+)?(?:show|expand|reveal)\s*)?"
                            r"(?:answers?|solution|spoiler|details|show|reveal|click\s+(?:to\s+)?(?:show|expand|reveal)|why\??)?"
                            r"\s*[.:!?]?\s*</summary>", re.IGNORECASE)
_HTML_PART: Final = re.compile(r"<li\b[^<>]*>|<tr\b", re.IGNORECASE)
# JSON notes: "cloudRun": { "maxTimeout": "60 min" }, "concurrency": { "max": 1000 }  // set 1 for old PHP
_JSON_KEY: Final = re.compile(r'"[\w .$/-]{1,60}"\s*:')
_JSON_COMMENT: Final = re.compile(r'^((?:[^"/]|"[^"]*"|/(?!/)|(?<=\S)//)*?)(?:(?<=\s)|^)//')   # not "https://"
_JSON_TOKEN: Final = re.compile(r'"(?P<key>[\w .$/-]{1,60})"\s*:\s*(?:(?P<open>\{)|(?P<value>\[[^\]]*\]|"[^"]*"|[^,{}\[\]"]+))'
                                r'|(?P<close>\})')
_JSON_QUOTES: Final = re.compile(r'"([^"]*)"')
# reStructuredText: a field list's ":Default: 15s", a directive's ".. note:: …", ``literals``, a :kbd:`role`, and a
# title underlined with "====" or "----" (a heading, as "## Title" reads)
_FIELD: Final = re.compile(r"^(\s*(?:[-*•]\s+)?):([A-Za-z][^:`\n]{0,60}):(?=\s|$)")
_DIRECTIVE: Final = re.compile(r"^(\s*)\.\.\s+(note|warning|tip|hint|important|caution|attention|danger|seealso)::\s*",
                               re.IGNORECASE)
_ROLE: Final = re.compile(r":[a-z]+:(`[^`]+`)")
_REFERENCE: Final = re.compile(r"\s*:(?:ref|doc|numref):`(?:([^`<]*?)\s*<[^`>]*>|[^`]*)`")   # a link to a section: its text, if any
# "Example::" or a lone "::" opens a literal block, as ".. code-block:: yaml" does ("Example:" stays a label)
_LITERAL: Final = re.compile(r"(?<=\S)(::)\s*$|^\s*(?:\.\.\s+(?:code-block|code|sourcecode)::.*|::\s*)$")
_SIMPLE_BORDER: Final = re.compile(r"^\s*=+(?:\s+=+)+\s*$")   # a reStructuredText simple table's border: "====  ======"
_UNDERLINE: Final = re.compile(r"^\s*([=\-~^])\1{2,}\s*$")
# MkDocs (Python-Markdown and pymdownx): '!!! note "Title"', '??? tip' and '???+ warning' admonitions, '=== "Console"'
# tabs, each with a body indented four spaces; "==marked==" text, "++ctrl+c++" keys and "^^inserted^^" text
_ADMONITION: Final = re.compile(r'^\s*(?:(?:!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)(?:\s+[\w-]+)*|===\+?)(?:\s+"(?P<title>[^"]*)")?\s*$')
_MARKED: Final = re.compile(r"(?<![=\w])==(?=\S)([^=\n]+?)(?<=\S)==(?![=\w])|\+\+([\w+-]+?)\+\+|\^\^(?=\S)([^^\n]+?)(?<=\S)\^\^")
# Mail threads pasted into notes: "From: …" with "Date: …" headers, "> quoted" lines of the mail replied to, a rule of
# underscores between mails; elsewhere "> " opens a markdown blockquote (a callout)
_MAIL_HEADER: Final = re.compile(r"^\s*(?:>\s*)*(?:From|Date|Sent|To|Cc|Subject|Reply-To)\s*:\s", re.IGNORECASE)
_MAIL_FROM: Final = re.compile(r"^\s*(?:>\s*)*From\s*:\s+\S")
_WROTE: Final = re.compile(r"^\s*(?:>\s*)*On\b.{5,120}\bwrote:\s*$")
_QUOTE_MARK: Final = re.compile(r"^\s*(?:>\s?)+")
# a notebook's cells exported as text: "In [3]:" over its code, "Out[3]:" over its output (`_notebook`)
_CELL: Final = re.compile(r"^\s*(?:In|Out)\s?\[\d*\]:\s*(.*)$")
_CELL_ENDS: Final = re.compile(r"^\s*(?:[-*•]\s|\*\*|\||```)")
_MAIL_RULE: Final = re.compile(r"^\s*_{5,}\s*$")
_MAIL_ADDRESS: Final = re.compile(r"<[^<>\s@]+@[^<>\s@]+>|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_SUBJECT: Final = re.compile(r"^\s*Subject\s*:\s*(?:(?:re|fwd?|aw|wg|odp|tr|sv|vs)\s*(?:\[\d+\])?\s*:\s*)*",
                             re.IGNORECASE)
# a signature: the "-- " line that opens one (what follows it is the sender's name and title), or "-- Tomasz"
_SIGNATURE: Final = re.compile(r"^\s*--\s*$")
_SIGNED: Final = re.compile(r"^\s*--\s*[^\d\s-][^\d]{0,30}$")
# Confluence pages exported to text: "||Class||SLA||" header rows, "ℹ️ Info:" / "⚠️ Warning:" panels, "[STATUS: VERIFIED]"
# macros, "(/)" and "(x)" ticks, and "Expand: details" titles
_WIKI_HEADER: Final = re.compile(r"^\s*\|\|(?:[^|]+\|\|)+\s*$")
_PANEL: Final = re.compile(r"^(\s*(?:[-*•]\s+)?)(?:ℹ️|ℹ|⚠️|⚠|✅|❌|📝|💡|❗|❕)\s*(?:info|warning|tip|note|error|success|caution|important)"
                           r"\s*:\s*", re.IGNORECASE)
_STATUS: Final = re.compile(r"\s*\[STATUS:[^\]]*\]", re.IGNORECASE)
_TICK: Final = re.compile(r"\((/|x)\)")
_EXPAND: Final = re.compile(r"^\s*Expand\s*:\s*(?:\S+(?:\s+\S+){0,2})?\s*$", re.IGNORECASE)
# GitHub-flavoured markdown: "[^1]" footnote marks and "[^1]: …" footnotes, "- [ ]" / "- [x]" task items, "[docs][do-limits]"
# reference links and their "[do-limits]: https://…" definitions
_FOOTNOTE_MARK: Final = re.compile(r"\[\^[\w-]{1,20}\](?!:)")
_FOOTNOTE_TEXT: Final = re.compile(r"^\s*\[\^[\w-]{1,20}\]:\s*")
_TASK: Final = re.compile(r"^(\s*(?:[-*+]\s+)+)\[[ xX]\]\s+")
_LINK_DEFINITION: Final = re.compile(r"^\s*\[[^\]^]{1,60}\]:\s+\S+(?:\s+\"[^\"]*\")?\s*$")
_REFERENCE_LINK: Final = re.compile(r"\[([^\]]{1,80})\]\[[^\]]{0,60}\]")
# Emacs Org-mode: a heading's tags ("* Item size   :exam:limits:"), TODO keyword and priority, drawers (":PROPERTIES:"
# … ":END:"), planning lines ("CLOSED: [2024-11-18 Mon]"), "#+begin_src" blocks and "#+TITLE:" keywords, =verbatim=
# and ~code~ marks, "[[link][text]]" links, a table's "|---+---|" rule
_ORG_TAGS: Final = re.compile(r"^(\s*\*+\s.*?\S)\s+:(?:[\w@#%]+:)+\s*$")
_ORG_STATE: Final = re.compile(r"^(\s*\*+\s+)(?:(?:TODO|DONE|NEXT|WAITING|CANCELL?ED)\s+)?(?:\[#[A-C]\]\s+)?")
_ORG_BLOCK: Final = re.compile(r"^\s*#\+(?P<end>begin|end)_(?P<kind>\w+)\b\s*(?P<lang>\S*)", re.IGNORECASE)
_ORG_KEYWORD: Final = re.compile(r"^\s*#\+\w+:")
_ORG_MARK: Final = re.compile(r"(?<![\w=~])=(?=[\w.$/#:<\[(-])([^=]*?[^\s,;])=(?![\w=~])|"
                              r"(?<![\w=~])~(?=[\w.$/#:<\[(-])([^~]*?[^\s,;])~(?![\w=~])")
# "=B=", "~pk~": a mark no other notation makes
_ORG_WORD_MARK: Final = re.compile(r"(?<![\w=~])(?:=[\w.$/#:<\[(-][^\s=]*=|~[\w.$/#:<\[(-][^\s~]*~)(?![\w=~])")
_ORG_LINK: Final = re.compile(r"\[\[([^\]]+)\](?:\[([^\]]+)\])?\]")
_ORG_RULE: Final = re.compile(r"^\s*\|-[-+|]*\|?\s*$")
# a page's properties over its notes, exported from Notion and the like: "Tags: exam, limits", "Status: Reviewed",
# "Last edited: March 3, 2025 4:12 PM" (a status and a date only, so "Status: 429 Too Many Requests" is a note)
_PAGE_PROPERTY: Final = re.compile(r"^\s*(?:Tags\s*:|Status\s*:\s*(?:Reviewed|Done|In\s+progress|Not\s+started|Draft|To\s*do|"
                                   r"Complete[d]?|Archived|Needs\s+review)\s*$|(?:Last\s+edited|Created)(?:\s+(?:time|by))?\s*:"
                                   r".*\d)", re.IGNORECASE)
# A code review's comments: "nit:", "blocking:", "suggestion (non-blocking):" (Conventional Comments), "nit on
# README.md:88 —", "nit on the JVM service:", "LGTM on this hunk. reasoning for the record:", "done. Resolved"
_HANDLE: Final = r"(?:@[\w.-]+:\s*)?"      # the reviewer's "@name:" before it
_REVIEW_LABEL: Final = re.compile(rf"^(\s*{_HANDLE})(?:nit(?:pick)?|blocking|non-blocking|suggestion|praise|thought|chore)"
                                  r"(?:\s*\((?:non-)?blocking\))?(?:/\w+)?(?:\s+on\s+[^:—–]{1,40}?(?:\s+[—–-]|:)|\s*:)\s+(?=\S)", re.IGNORECASE)
_REVIEW_CHATTER: Final = re.compile(rf"^\s*{_HANDLE}(?:LGTM\b[^:]*:\s*$|(?:done\.?\s*)?Resolved\.?\s*$)", re.IGNORECASE)
# A practice exam's question as kept by a learner: its options "A) 1 hour   B) 1 day" (the wrong ones are no facts),
# "My answer: C ✗", "Correct: B" and the "Why:" that explains it
_EXAM_OPTION: Final = re.compile(r"^\s*\(?[A-E]\)\s+\S")
_EXAM_OPTION_OR_DOTTED: Final = re.compile(r"^\s*(?:\(?[A-E]\)|[A-E]\.)\s+\S")   # (an outline's "A. …" only under a question)
_EXAM_OPTIONS: Final = re.compile(r"^\s*\(?A[).]\s.*\sB[).]\s")     # all of them on one line
_EXAM_RECORD: Final = re.compile(r"^\s*(?:My\s+answer\s*:\s*[A-E]\b.*|Correct(?:\s+answer)?\s*:\s*[A-E](?:\s*[,/&]\s*[A-E])*"
                                 r"\s*[✓✗✔✘×]?\s*)$", re.IGNORECASE)
_EXAM_WHY: Final = re.compile(r"^(\s*)Why\s*:\s+")
# a list numbered without marks ("1 volatile-lru" / "2 allkeys-lru" / "3 volatile-lfu"), and a self-quiz's answer key
# ("ans: 5 | 500 | 90"): the numbers count the notes' items, the key answers questions the card asks without values
_BARE_NUMBER: Final = re.compile(r"^(\s*)(\d{1,2})\s+(?=([^\W\d_][\w-]*))")
_ANSWER_KEY: Final = re.compile(r"^\s*ans\s*:", re.IGNORECASE)
# An Obsidian or Logseq vault: lines of "#tags" only, "[[Note]]" and "[[Note|shown text]]" wikilinks (not AsciiDoc's
# "[[anchor-id]]"), "((block refs))", "key:: value" properties, "DONE" markers, "> [!warning] Title" callouts
_TAG_LINE: Final = re.compile(r"^\s*#[A-Za-z][\w/-]*(?:\s+#[A-Za-z][\w/-]*)*\s*$")
_WIKILINK: Final = re.compile(r"\[\[(?![a-z0-9]+(?:[-_:.][a-z0-9]+)+\]\])(?:[^\]|#,]*)(?:#[^\]|]*)?\|([^\]]+)\]\]"
                              r"|\[\[(?![a-z0-9]+(?:[-_:.][a-z0-9]+)+\]\])([^\]|#,]+)(?:#[^\]|]*)?\]\]")
_BLOCK_REF: Final = re.compile(r"\s*\(\([0-9a-f]{8}-[0-9a-f-]{27,}\)\)")
_PROPERTY: Final = re.compile(r"^(\s*(?:[-*]\s+)?)([A-Za-z][\w-]*)::(?:\s+|$)")
_HIDDEN_PROPERTY: Final = re.compile(r"^\s*(?:[-*]\s+)?(?:id|collapsed|heading)::")
_TASK_STATE: Final = re.compile(r"^(\s*[-*]\s+)(?:DONE|LATER|NOW|DOING|CANCEL(?:L)?ED)\s+")
_BULLET_ROW: Final = re.compile(r"^(\s*)[-*]\s+(?=\|)")      # Logseq: "- | kind | timeout |", a table in an item
_WIKILINKS_ONLY: Final = re.compile(r"^\s*(?:[-*•]\s+)?(?:\[\[[^\]]+\]\][\s,;·|]*)+$")
_CALLOUT: Final = re.compile(r"^\[!\w+\][+-]?\s*")
# Saved chats with an assistant: "User: …?" / "Assistant: …" turns; "You're right, …" takes the turn before back
_SPEAKER: Final = re.compile(r"^\s*(?P<who>user|me|human|you|assistant|ai|chatgpt|gpt|claude|gemini|copilot|bot|model)\s*:\s*",
                             re.IGNORECASE)
_ASKER: Final = frozenset({"user", "me", "human", "you"})
# A mock interview or an oral exam typed up: the examiner asks and corrects ("Not quite — it's 2 days"), "Me:" answers
_EXAMINER: Final = re.compile(r"^(\s*)(?:interviewer|examiner|teacher|tutor|instructor|professor|prof|mentor|coach)\s*:\s*",
                              re.IGNORECASE)
_CANDIDATE: Final = re.compile(r"^(\s*)(?:me|candidate|student|I)\s*:\s*", re.IGNORECASE)
_CORRECTION: Final = re.compile(r"^(?:not\s+quite|no\b|nope\b|close\b|almost\b|wrong\b|careful\b|actually\b)[^—–:-]{0,20}"
                                r"(?:\s*[—–:-]+\s*|,\s*|\.\s+)", re.IGNORECASE)
_CONCEDES: Final = re.compile(r"^\W*(?:you'?re\s+(?:right|correct)|correct(?:ion)?\b|good\s+catch|(?:my\s+)?apolog|sorry|"
                              r"my\s+(?:mistake|bad)|thanks?\s+(?:you\s+)?for\s+(?:the\s+)?correct|indeed|yes,?\s+(?:that'?s\s+)?right)",
                              re.IGNORECASE)
# A git log pasted into notes: "commit 3f2a1b9", "Author:", "Date:" headers, an indented message, and a diff whose "-" lines
# the "+" lines replace
_COMMIT: Final = re.compile(r"^\s*commit\s+[0-9a-f]{7,40}\b")
_ONELINE: Final = re.compile(r"^\s*[0-9a-f]{7,12}\s+(?=\S)")
_GIT_HEADER: Final = re.compile(r"^\s*(?:commit\s+[0-9a-f]{7,40}\b|(?:Author|AuthorDate|Commit|CommitDate|Merge|Date)\s*:\s|"
                                r"diff\s+--git\s|index\s+[0-9a-f]+\.\.[0-9a-f]+|---\s+(?:a/|/dev/null)|\+\+\+\s+(?:b/|/dev/null)|@@\s)")
# A Trello card exported to text: "List: Done", "Labels: …", "Description: …", "Checklist (3/5):", "Comments:" and dated
# comments ("Jo (Mar 3): actually it's 60 s on Pro")
_TRELLO_FIELD: Final = re.compile(r"^\s*(?:List|Labels?|Members?|Due(?:\s+date)?|Comments?|Attachments?)\s*:(?:\s|$)", re.IGNORECASE)
_TRELLO_LABEL: Final = re.compile(r"^(\s*)(?:Description|Checklist(?:\s*\(\d+/\d+\))?)\s*:\s*", re.IGNORECASE)
# ("TW - 26/08/2024 16:48: …" too); a checklist's task ("[ ] rerun the calculator at 40 rps") is no note
_DATED_COMMENT: Final = re.compile(r"^(\s*(?:[-*•]\s+)?)[A-Z][\w.-]{1,20}(?:\s[A-Z][\w.-]{1,20})?\s*(?:\((?:Jan|Feb|Mar|Apr|May|"
                                   r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?\)|[-–—]\s*\d{1,4}[/.-]\d{1,2}"
                                   r"[/.-]\d{2,4}(?:,?\s+\d{1,2}:\d{2})?)\s*:\s*")
_CHECKLIST_TASK: Final = re.compile(r"^\s*(?:[-*•]\s+)?\[[ xX]\]\s+(?:re-?)?(?:read|run|do|try|test|deploy|compare|write|make|set|"
                                    r"check|figure|add|flip|memori[sz]e|review|watch|finish|learn|look|find|fix|create|build|"
                                    r"clean|go|ask|book|practi[cs]e|redo|update|draw|sketch|list|note|take)\b",
                                    re.IGNORECASE)
# Notes taken live at a talk: "[14:32]" timestamps, 'slide: "Max message size: 10 MB"', a speaker's words quoted whole,
# "Q from audience:"
_CLOCK: Final = r"\[\d{1,2}:\d{2}(?::\d{2})?"     # "[14:32", "[10:42:05" (a timestamp's opening)
_TIMESTAMP: Final = re.compile(rf"^(\s*){_CLOCK}\]\s*")
_SLIDE_QUOTE: Final = re.compile(r'^(\s*)(?:(?:slide|speaker|she|he|they)\s*(?:says?|said)?\s*:\s*)?["“]([^"“”]+)["”]\s*$', re.IGNORECASE)
# A flashcard set exported as "term<TAB>definition" lines (Quizlet): one tab between a term and its definition
_TERM_PAIR: Final = re.compile(r"^(\s*)([^\t|]*[^\t\s|:])\s*:?\t+([^\t]*\S)\s*$")
_LONE_VALUE: Final = re.compile(r"[~<>≈$€£]?\s*\d[\d.,]*\s*(?:%|[A-Za-z]{1,5})?")
# A card that writes its facts out plainly after a verse or a mnemonic: "fact: HCP Terraform Free = up to 500 …"
_FACT_LABEL: Final = re.compile(r"^(\s*(?:[-*•]\s+)?)facts?\s*:\s*", re.IGNORECASE)
_LABELLED: Final = re.compile(r"^\s*(?:[-*•]\s+)?[\w ;./-]{1,24}:(?:\s|$)")
# A chat channel's log pasted into notes (Discord, Slack): "[10:42] dev_raj: message" lines, reactions (":+1: 3"),
# quotes of an earlier message ("> …"), and corrections ("actually it's $2.19 now", "that's the old number")
_MESSAGE: Final = re.compile(rf"^(\s*){_CLOCK}(?:\s*[AaPp][Mm])?\]\s*[\w.\-]{{2,32}}(?:#\d{{4}})?\s*:\s+")   # ("QuizBot#0420:")
# (a message of reactions, or a line of them under a message: ":+1: 3", ":+1: 6   :rocket: 2")
_REACTION: Final = re.compile(r"^\s*(?:(?::[\w+\-]+:|[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?)\s*(?:x?\s*\d{1,3})?\s*)+$")
# Slack's copy of a thread: "Priya  10:42 AM" (the name, two spaces, the time) over the message's lines; "↳" a reply
_SLACK_HEADER: Final = re.compile(r"^\s*(?:↳\s*)?(?P<who>[^\W\d][\w.'-]*(?: [^\W\d][\w.'-]*)?) {2,}"
                                  r"(?P<time>\d{1,2}:\d{2})(?:\s?[AaPp][Mm])?\s*$")
# a WhatsApp export's message ("04/03/2024, 21:04 - Tom: …", iOS: "[04/03/2024, 21:04:05] Tom: …"), and what is no
# message ("<Media omitted>", "This message was deleted", "PTT-20240304-WA0007.opus (file attached)")
WHATSAPP: Final = re.compile(r"^\s*\[?\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?\s+(?P<time>\d{1,2}:\d{2})(?::\d{2})?(?:\s?[AaPp][Mm])?\]?"
                             r"\s*(?:[-–]\s+)?(?P<rest>\S.*)$")
_WHATSAPP_NOTHING: Final = re.compile(r"^\s*(?:<Media omitted>|<[^<>]{1,30} omitted>|This message was deleted|You deleted this "
                                      r"message|\S+\.(?:opus|jpg|jpeg|png|mp4|pdf|webp)\s*\(file attached\)|null)\s*$",
                                      re.IGNORECASE)
_PINNED: Final = re.compile(r"^(?:pinned|📌)\s*:?\s*", re.IGNORECASE)
# a terminal session: a shell prompt (`note_sections.PROMPT`) and the writer's "# note: …"
_LABELLED_NOTE: Final = re.compile(r"^\s*#+\s*note\s*:", re.IGNORECASE)
_SHELL_NOTE: Final = re.compile(r"^\s*#+\s*(?:note\s*:\s*)?(?=\S)", re.IGNORECASE)
# a bullet journal's rapid log: "• task", "x done", "> migrated", "< scheduled", "o event"; a monthly log's "3 Mo  …"
_LOGGED: Final = re.compile(r"^\s*([•xo<>])\s+\S")
_CALENDAR_DAY: Final = re.compile(r"^\s*\d{1,2}\s+(?:Mo|Tu|We|Th|Fr|Sa|Su|Di|Mi|Do|So|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b")
_HTML_COMMENT: Final = re.compile(r"\s*<!--.*?-->")      # an HTML comment within one line
# a thread of posts saved as notes: "3/6 …" numbers a post, "#AWS #Redis" tags end it, "♥ 38  ↻ 6  💬 4" counts it,
# "QT @me: …" quotes an earlier one
_POST_NUMBER: Final = re.compile(r"^\s*(?:🧵\s*)?\d{1,2}/\d{1,2}\s+(?=\S)")
_TRAILING_TAGS: Final = re.compile(r"(?:\s+#[^\W\d]\w*)+\s*$")
_ENGAGEMENT: Final = re.compile(r"^\s*(?:(?:[♥❤♡↻🔁💬👁🔖]|❤️)\s*\d[\d.,]*[kKM]?\s*)+$")
_RETRACTED: Final = re.compile(r"^\s*[❌✗✘]\s*(?:wrong|nope|incorrect)(?:-ish)?\s*[.!:,—-]*\s*", re.IGNORECASE)   # "❌ wrong-ish. …"
_QUOTE_POST: Final = re.compile(r"^\s*(?:QT|RT|quote(?:-tweet)?)\s+@\w+\s*:\s*", re.IGNORECASE)
# a channel's summary of a discussion ("📌 FACT: …", "TL;DR: …", a quiz bot's "✅ Correct answer: B — …"), a thread's
# reply count ("↳ 2 replies") and ":emoji:" codes in a message
_SUMMARY: Final = re.compile(r"^(?:(?:facts?|tl;?dr|summary|recap)(?:\s*\([^()]{1,40}\))?\s*:"
                             r"|(?:✅\s*)?correct\s+answer\s*:\s*(?:[A-E]\b\s*[—–:-]?)?)\s*", re.IGNORECASE)   # (a quiz bot's reveal)
_REPLY_COUNT: Final = re.compile(r"^\s*↳\s*\d+\s+(?:repl(?:y|ies)|antworten|respuestas?|réponses?)\s*$", re.IGNORECASE)
_EMOJI_CODE: Final = re.compile(r"\s*(?<![\w:/]):[a-z0-9_+\-]{2,30}:(?![\w:/])")
_CORRECTS: Final = re.compile(r"\bactually\b|\bnope\b|\bwrong\b|❌|\bthat'?s\s+(?:like\s+)?(?:19|20)\d\d\b|\b(?:that'?s|those\s+(?:were|are)|it\s+was|was|were)\s+(?:the\s+|an?\s+)?"
                              r"(?:old|outdated|pre-\d{4})\b|\bno\s+longer\b|\bnot\s+any\s?more\b", re.IGNORECASE)
_POINTS_BACK: Final = re.compile(r"(?:that'?s|those\s+(?:were|are))\s+(?:the\s+|an?\s+)?(?:old|outdated)\b[^.;!?]*[.;!?]?",
                                 re.IGNORECASE)
_OLD_VALUES: Final = re.compile(r"\b(?:was|were|is|are)\s+(?:the\s+)?(?:old|outdated)\b|\bold\s+(?:numbers?|prices?|pricing|"
                                r"limits?|values?|plans?|tables?)\b|\bpre-\d{4}\b|\bused\s+to\s+be\b|\bi\s+had\b", re.IGNORECASE)
_AUDIENCE: Final = re.compile(r"^(\s*)Q\s+(?:from|by)\s+(?:the\s+)?(?:audience|floor|room)\s*:\s*", re.IGNORECASE)
# Spreadsheet rows pasted with their cell references and formulas: "B4 | Max pods per node (GKE) | 110 | =MIN(110, 256/2) | …",
# under a "Cell | Item | Value | Formula | Comment" header when the card has one
_CELL_ROW: Final = re.compile(r"^\s*\|?\s*[A-Z]{1,2}\d{1,4}\s*\|")
_SHEET_HEADER: Final = re.compile(r"^\s*\|?\s*Cell\s*\|", re.IGNORECASE)
_ITEM_HEADERS: Final = frozenset({"item", "name", "what", "metric", "setting", "limit", "quota", "parameter", "description"})
# ... or exported with each cell's reference: "A3: max key size | B3: 512 MB  // comment: …", under a block's range
# "Limits!A2:C6 — key and value size", with comment threads ("  // Ana: is this per shard?")
_CELL_PREFIXED: Final = re.compile(r"^\s*([A-Z]{1,2}\d{1,4}):\s")
_CELL_PAIR: Final = re.compile(r"^\s*[A-Z]{1,2}(\d{1,4}):\s[^|]*\|\s*[A-Z]{1,2}\1:\s")   # "A3: … | B3: …" (one row's cells)
_CELL_REF: Final = re.compile(r"^([A-Z]{1,2})\d{1,4}:\s*")
_SHEET_RANGE: Final = re.compile(r"^(\s*)[A-Za-z][\w ]{0,30}![A-Z]{1,2}\d{1,4}(?::[A-Z]{1,2}\d{1,4})?\s*(?:[—–-]+\s*)?(?=\S)")
_THREAD: Final = re.compile(r"^\s*//\s*[A-Z][\w.]{0,20}\s*:\s*")
_CELL_COMMENT: Final = re.compile(r"\s+//\s*(?:comment\s*:\s*)?")
_NO_VALUE: Final = frozenset({"", "#n/a", "n/a", "todo", "tbd", "?", "-"})
# a quiz's point values: "(2 pts)", "[1 mark]", "(3 points)"
_POINTS: Final = re.compile(r"\s*[(\[]\s*(?:\+\s*)?\d+(?:\.\d+)?\s*(?:pts?|points?|marks?)\.?\s*(?:bonus\s*)?[)\]]", re.IGNORECASE)
# An Anki export pasted as text: "{{c1::256 KB::size}}" deletions, an "Extra:" field, and a "tags: azure::servicebus limits"
# line of hierarchical tags
_ANKI_TAGS: Final = re.compile(r"^\s*tags?\s*:(?=[^\n]*\w::\w)[\w:.\- ]*$", re.IGNORECASE)
_ANKI_EXTRA: Final = re.compile(r"^(\s*)Extra\s*:\s*")
# a note's last field, its tags, after a tab ("…</div>"\tcf::workers limits"): one tag at least hierarchical
_ANKI_TAGS_FIELD: Final = re.compile(r"(\"?)\t+(?=[^\t\n]*\w::\w)[\w:.\- ]*$")
# AsciiDoc: "== Section" titles (no closing run of "=", which is MediaWiki's), "[NOTE]" blocks delimited by "====",
# "|===" tables after a "[cols=...]" line, their cells "|a |b" (the first row a header when a blank line follows it),
# "[[anchor]]"s, "<<anchor,text>>" and "xref:page#id[text]" links, "+literal+" text
_ADOC_TITLE: Final = re.compile(r"^(={2,5})\s+([A-Za-z](?:.*[^=\s])?)\s*$")
_ADOC_LABEL: Final = re.compile(r"^\s*\[(?P<kind>NOTE|TIP|WARNING|IMPORTANT|CAUTION|EXAMPLE|QUOTE|SIDEBAR|source|listing|literal)\b[^\]]*\]\s*$")
_ADOC_BLOCK_ATTRIBUTES: Final = re.compile(r"^\s*\[(?:cols|options|%|format|frame|grid|width|caption|role|\.|#)[^\]]*\]\s*$")
_ADOC_DELIMITER: Final = re.compile(r"^\s*(?:={4,}|\*{4,}|_{4,}|\.{4,})\s*$")
_ADOC_TABLE: Final = re.compile(r"^\s*[|!]===\s*$")
_ADOC_COLS: Final = re.compile(r'cols\s*=\s*"?(?:(\d+)\*|([^"\]]*))')
_ADOC_HEADER_OPTION: Final = re.compile(r'%header|options\s*=\s*"?[^"\]]*\bheader')
_ADOC_ANCHOR: Final = re.compile(r"\[\[[\w:.-]+(?:,[^\]]*)?\]\]")
_ADOC_LINK: Final = re.compile(r"<<(?P<id>[\w:.#-]+)(?:,\s*(?P<text>[^>]+))?>>|xref:(?P<target>[\w:./#-]+)\[(?P<label>[^\]]*)\]")
_ADOC_LITERAL: Final = re.compile(r"(?<![\w+])\+([A-Za-z_][^\s+]*)\+(?![\w+])")
# Notes kept as INI or TOML config: "[api_gateway.rest]" sections, "integration_timeout_max = 29 s ; comment" keys,
# quoted strings and arrays
_CONFIG_SECTION: Final = re.compile(r"^(\s*)\[\[?([a-z][\w-]*(?:\.[\w-]+)*)\]\]?(?:\s+(?P<rest>[^=\s].*))?\s*$")
_CONFIG_KEY: Final = re.compile(r"^(?P<lead>\s*(?:[-*•]\s+)?)(?P<key>[a-z][a-z0-9]*(?:[_.-][A-Za-z0-9]+)*)\s*=\s*(?P<value>[^=\s].*)$")
# ... and a query's or script's constants: "let paygPerGB = 2.30;   // $/GB ingested" (KQL, JavaScript)
_LET: Final = re.compile(r"^(?P<lead>\s*)(?:let|const|var)\s+(?P<key>[A-Za-z_]\w*)\s*=\s*(?P<value>[^;=]+?)\s*;?\s*"
                         r"(?://+\s*(?P<comment>.*))?$")
_CONFIG_COMMENT: Final = re.compile(r'^((?:[^"#;]|"[^"]*")*?)\s+[#;]\s*(.*)$')
# A Mermaid diagram in a "```mermaid" fence: node labels ('W[Workers: 2000 per job]'), edge labels ('-->|max 10 MB|'),
# a sequence diagram's messages ('U->>Q: submit') and notes ('Note over Q: up to 6 hours')
_MERMAID_SKIP: Final = re.compile(r"^\s*(?:%%|(?:flowchart|graph|sequenceDiagram|stateDiagram(?:-v2)?|classDiagram|erDiagram|gantt|pie|"
                                  r"mindmap|timeline|journey)\b|end\s*$|(?:style|classDef|class|linkStyle|click|activate|deactivate|"
                                  r"autonumber|direction)\b)")
_MERMAID_NODE: Final = re.compile(r"(?P<id>[A-Za-z_]\w*)\s*(?:\[\[|\[\(|\(\(|\[/|\[\\|\{\{|[\[({>])\s*\"?(?P<label>[^\]\)\}\"|]+?)\"?\s*"
                                  r"(?:\]\]|\)\]|\)\)|/\]|\\\]|\}\}|[\])}])")
_MERMAID_EDGE: Final = re.compile(r"(?:--+>?|-\.+->?|==+>?)\s*\|(?P<label>[^|]+)\|"
                                  r"|--\s+(?P<dashed>[^->|][^>|]*?)\s+--+>|-\.\s+(?P<dotted>[^.>|][^>|]*?)\s+\.->")
_MERMAID_MESSAGE: Final = re.compile(r"^\s*(?P<a>[\w-]+)\s*(?:-{1,2}>>|-{1,2}\)|-{1,2}x|-{1,2}>)\s*(?P<b>[\w-]+)\s*:\s*(?P<text>.+)$")
_MERMAID_NOTE: Final = re.compile(r"^\s*Note\s+(?:over|left\s+of|right\s+of)\s+[\w, -]+:\s*(?P<text>.+)$", re.IGNORECASE)
_MERMAID_PARTICIPANT: Final = re.compile(r"^\s*(?:participant|actor)\s+(?P<id>[\w-]+)(?:\s+as\s+(?P<label>.+))?$")
_MERMAID_BLOCK: Final = re.compile(r"^\s*(?:loop|alt|else|opt|par|and|critical|break|rect|subgraph)\b\s*(?P<text>.*)$")
# footnotes marked with superscript numbers: "| Max document size | 1 MiB¹ |" and, below, "¹ includes field names"
_SUPERSCRIPTS: Final = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_SUPERSCRIPT_NOTE: Final = re.compile(rf"^(\s*(?:[-*•]\s+)?)([{_SUPERSCRIPTS}]+)[.):]?\s+(?=\S)")
_FOOTNOTES_LABEL: Final = re.compile(r"^\s*(?:foot\s*notes?|notes)\s*:?\s*$", re.IGNORECASE)
# a slide deck exported as an outline: "Slide 7 — Scaling out", "Slide 12: Limits", "[image: diagram of …]"
_SLIDE: Final = re.compile(r"^\s*(?:slide|folie|diapositiva)\s+\d{1,3}\s*(?:[—–:.-]\s*|$)", re.IGNORECASE)
# a slide's bare number, as a photo's text or a footer gives it ("Slide 12 / 40", "Slide 3 of 40"), and PowerPoint's
# empty notes placeholder
SLIDE_LOCATOR: Final = re.compile(r"^\s*(?:slide|folie|diapositiva)\s+\d{1,3}\s*(?:(?:/|of|von|de|z)\s*\d{1,3})?\s*$|"
                                  r"^\s*click\s+to\s+add\s+notes\s*$", re.IGNORECASE)
_IMAGE_PLACEHOLDER: Final = re.compile(r"^\s*\[(?:image|img|picture|diagram|screenshot|figure)\b[^\]]*\]\s*$", re.IGNORECASE)
# LaTeX pasted as source: beamer's "\\begin{frame}{Title}" and "\\frametitle{…}", "\\section{…}", itemize's "\\item",
# "\\textbf{…}"-like commands, siunitx's "\\SI{60}{\\minute}" and "\\num{50000}", "% comments"
_TEX_TITLE: Final = re.compile(r"\\(?:begin\{frame\}(?:<[^>]*>)?(?:\[[^\]]*\])?\s*\{(?P<frame>[^{}]+)\}|frametitle\{(?P<title>[^{}]+)\}|"
                               r"(?:sub)*section\*?\{(?P<section>[^{}]+)\})")
# what typesets as nothing: environments' begin and end (with their arguments: "\\begin{tabular}{l|l}"), pauses,
# rules, sizes and spaces, a row's end "\\\\"; a preamble's lines
_TEX_NOTHING: Final = re.compile(r"\\(?:begin|end)\{[a-z*]+\}(?:<[^>]*>)?(?:\[[^\]]*\])?(?:\{[^{}]*\})?|\\(?:pause|hline|toprule|"
                                 r"midrule|bottomrule|centering|small|footnotesize|scriptsize|tiny|medskip|bigskip|smallskip|"
                                 r"newline)\b\s*|\\[vh]space\*?\{[^{}]*\}|\\\\(?:\[[^\]]*\])?")
_TEX_PREAMBLE: Final = re.compile(r"^\s*\\(?:usepackage|documentclass|maketitle|tableofcontents|title|author|date)\b.*$")
_TEX_SOURCE: Final = re.compile(r"^\s*(?:[^›\\]{1,60}›\s*)?\\(?:begin|end|item|frametitle|(?:sub)*section)\b")  # ("SQS › \\section{…}")
_TEX_CELL: Final = re.compile(r"\s*(?<!\\)&\s*")
_TEX_DASH: Final = re.compile(r"(?<=[^\s-])--(?=[^\s-])|(?<= )--?-(?= )")    # "100M--2,500M", "a -- b"
_TEX_ITEM: Final = re.compile(r"^(\s*)\\item(?:\[[^\]]*\])?\s+")
_TEX_STYLE: Final = re.compile(r"\\(?:textbf|emph|alert|texttt|textit|underline|structure|textsc|mbox|url)"
                               r"\{((?:[^{}]|\{[^{}]*\})*)\}")
_TEX_SI: Final = re.compile(r"\\(?:SI|qty)\{([^{}]+)\}\{((?:\\[a-z]+\s*)*)\}|\\num\{([^{}]+)\}")
_SI_UNITS: Final = {"second": "s", "minute": "min", "hour": "h", "day": "days", "byte": "B", "bit": "bit", "percent": "%",
                    "kilo": "K", "mega": "M", "giga": "G", "tera": "T", "peta": "P", "kibi": "Ki", "mebi": "Mi", "gibi": "Gi",
                    "tebi": "Ti", "milli": "m", "micro": "µ", "per": "/", "hertz": "Hz"}
_TEX_COMMENT: Final = re.compile(r"^(\s*)%\s?")
# a revision sheet written with its own blanks: "timeout is ____ (30 s)", or "(1) interval ____" with "Answers: 1) 5 s 2) …"
_OWN_BLANK: Final = re.compile(r"_{3,}\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)")
_NUMBERED_BLANK: Final = re.compile(r"^(\s*)\(?(\d{1,2})[).]\s+(?=.*_{3,})")
_ANSWERS_LINE: Final = re.compile(r"^\s*Answers?\s*:\s*(?=\d{1,2}[).])", re.IGNORECASE)
_ANSWER_ITEM: Final = re.compile(r"(\d{1,2})[).]\s*(.+?)(?=\s+\d{1,2}[).]\s|\s*$)")
# a quiz bank in Moodle's GIFT format: "::Q01 Task size:: What is …?" and its answers "{=1 MB#feedback ~100 KB ~10 MB}",
# "{#31}", "{#500:50}", "{T}", "$CATEGORY: …"
_GIFT_NAME: Final = re.compile(r"^\s*::[^:]{1,80}::\s*")
_GIFT_CATEGORY: Final = re.compile(r"^\s*\$CATEGORY\s*:", re.IGNORECASE)
_GIFT_OPEN: Final = re.compile(r"(?<!\\)\{(?=\s*(?:[=~#]|T\b|F\b|TRUE\b|FALSE\b|$))")
_GIFT_ITEM: Final = re.compile(r"(?<!\\)(?=[=~])")
_GIFT_WEIGHT: Final = re.compile(r"^%-?\d+(?:\.\d+)?%")
# a Hugo page pasted whole: "+++" TOML front matter (title = "Tiers", weight = 10), shortcodes "{{< note >}}",
# '{{< tab header="Premium" >}}', '{{% alert title="Limit" %}}', '{{< ref "limits.md" >}}'
_FRONT_FENCE: Final = re.compile(r"^\s*\+\+\+\s*$")
_SHORTCODE: Final = re.compile(r"\{\{[<%]\s*(?P<close>/)?\s*(?P<name>[\w-]+)(?P<args>[^}]*?)\s*[>%]\}\}")
_SHORTCODE_LABEL: Final = re.compile(r'\b(?:title|header|name)\s*=\s*"([^"]+)"')
_SHORTCODE_REF: Final = re.compile(r'"([^"]+?)(?:\.md)?(?:#[^"]*)?"')
_MARKDOWN_LINK: Final = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*\)")
# notes kept in a source file as comments (an .sql scratch file, a script): a banner "-- ===== QUOTAS =====" (or after
# "#" or "//") is a heading, a "/*" or "*/" alone opens or closes a comment block, and a statement written out
# ("ALTER SCHEMA ds SET OPTIONS (…);", a CREATE TABLE over several lines to its ";") is code, commented out or not
_BANNER: Final = re.compile(r"^\s*(?:--|#|//)?\s*(?:/\*\s*)?={3,}\s*(?P<title>[^=\s].*?)\s*={3,}\s*(?:\*/)?\s*$")
_COMMENT_FENCE: Final = re.compile(r"^\s*(?:/\*+|\*+/)\s*$")
_SQL_START: Final = re.compile(
    r"^\s*(?:--\s*)?(?:SELECT(?:\s*$|\s+(?:\*|DISTINCT\b|[\w`.]+\s*(?:,|$|AS\b|FROM\b)))|WITH\s+\w+\s+AS\s*\(|INSERT\s+INTO\b"
    r"|UPDATE\s+[\w`.]+\s+SET\b|DELETE\s+FROM\b|MERGE\s+(?:INTO\s+)?[\w`.]+|TRUNCATE\s+TABLE\b|DECLARE\s+\w+"
    r"|SET\s+@{0,2}\w+\s*=|(?:CREATE|ALTER|DROP)\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+|EXTERNAL\s+|MATERIALIZED\s+"
    r"|SNAPSHOT\s+|SEARCH\s+|VECTOR\s+|ROW\s+ACCESS\s+)?(?:TABLE|SCHEMA|VIEW|PROJECT|RESERVATION|CAPACITY|ASSIGNMENT"
    r"|FUNCTION|PROCEDURE|INDEX|DATABASE|POLICY|MODEL|ORGANIZATION)\b|(?:EXPORT|LOAD)\s+DATA\b|CALL\s+[\w`.]+\s*\("
    r"|(?:GRANT|REVOKE)\s+[\w`.\s,]+\s+ON\b|EXPLAIN\s+(?=[A-Z]))")
_SQL_END: Final = re.compile(r";\s*(?:--.*)?$")
_SQL_OPTIONS: Final = re.compile(r"^\s*(?:--\s*)?OPTIONS\s*\((?:[^()]|\([^()]*\))*\)\s*;?\s*(?:--.*)?$")  # a clause quoted alone
_STATEMENT_LINES: Final = 25    # a statement longer than this, or never ended by ";", is not taken for one
# notes kept in a Python file: constants ("SNS_MAX_MESSAGE_BYTES = 262_144   # 256 KB"), dicts of them ("SES_SANDBOX = {"
# then '"per_day": 200,  # emails'), docstrings, and code (functions, imports, asserts)
_PY_CONSTANT: Final = re.compile(r"^(?P<lead>\s*)(?P<key>[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\s*(?::\s*[\w\[\], ]+)?=\s*(?P<value>[^=].*)$")
_PY_DICT: Final = re.compile(r"^\s*(?P<key>[A-Za-z_]\w*)\s*(?::\s*[\w\[\], ]+)?=\s*(?:dict\(|\{)\s*(?:#.*)?$")
_PY_ITEM: Final = re.compile(r"""^(?P<lead>\s*)["'](?P<key>[^"']{1,60})["']\s*:\s*(?P<value>.*?),?\s*(?:#\s*(?P<comment>.*))?$""")
_PY_CODE: Final = re.compile(r"^\s*(?:def|class|async\s+def)\s+\w+\s*[(:]|^\s*(?:import\s+\w|from\s+[\w.]+\s+import\b|assert\s|print\(|"
                             r"if\s+__name__\s*==)")
_PY_DOCSTRING: Final = re.compile(r'^(\s*)(?:"""|\'\'\')(.*?)(?:"""|\'\'\')?\s*$')
_PY_COMMENT: Final = re.compile(r"^(\s*)#\s?")
_PY_SIZE: Final = re.compile(r"\b(\d[\d_.]*)\s*\*\s*(KiB|MiB|GiB|TiB|KB|MB|GB|TB)\b")
# decision rules: "R40  IF not accessed 30 consecutive days THEN -> Infrequent Access tier", "EXCEPT Standard -> no minimum",
# rule numbers ("R12", "R97a") that only order the sheet
_RULE_LABEL: Final = re.compile(r"^(\s*)R\d{1,3}[a-z]?\s*[-:.)]?\s+(?=\S)")
_RULE_IF: Final = re.compile(r"\bIF\b.*\bTHEN\b|^\s*(?:R\d{1,3}[a-z]?\s+)?(?:THEN|EXCEPT)\b")
_RULE_THEN: Final = re.compile(r"(?<=\S)\s+THEN\b\s*(?:->|=>|→)?\s*")
_RULE_WORDS: Final = re.compile(r"(^\s*(?:- )?|\b)(IF|THEN|EXCEPT|AND|OR|NOT)\b")
# notes kept in a Terraform file: "locals {" and "variable "max_pods" {" blocks hold values, a "resource "…" "…" {" block
# is an example's config
_HCL_BLOCK: Final = re.compile(r'^\s*(?:(?P<kind>locals|variable|output)(?:\s+"(?P<name>[^"]+)")?|(?:resource|data|provider|module|'
                               r'terraform)\b[^{]*)\s*\{\s*(?:#.*|//.*)?$')
_HCL_ATTRIBUTE: Final = re.compile(r"^(?P<lead>\s*)(?P<key>[a-z][a-z0-9_]*)\s*=\s*(?P<value>[^=].*?)\s*(?:(?:#|//)\s*(?P<comment>.*))?$")
# text pasted from a PDF: running headers and footers ("EventBridge Study Guide — Page 14", "© 2024 Press"), and
# words hyphenated across a line break ("notifi-" / "cations turned on")
_PAGE_HEADER: Final = re.compile(r"^\s*(?:.{0,80}?\s[—–|-]\s*)?Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?\s*$|^\s*©\s*\d{4}\b.*$",
                                 re.IGNORECASE)
_BROKEN_WORD: Final = re.compile(r"[A-Za-z]{2}-$")
# a teacher's marking scheme: "Award 1 mark for …", "Accept: …", "Do not accept: …", "[3 marks]", "1 mark each, cao",
# "Common mistake: …", "Teacher note: …" say how answers are marked, not what the subject is
_MARKING: Final = re.compile(r"^\s*(?:[-*•]\s*)?(?:award\b|accept\s*:|do\s+not\s+accept\b|reject\s*:|allow\s*:|ignore\s*:|"
                             r"\[\s*\d+\s+marks?\s*\]|(?:any\s+\w+\s*(?:of)?,?\s*)?\d+\s+marks?\s+each\b|common\s+mistakes?\b|"
                             r"teacher(?:'s)?\s+notes?\b|examiner(?:'s)?\s+notes?\b|marking\s+notes?\b|moderation\b|"
                             r"end\s+of\s+mark\s+scheme\b|total\s+\d+\s+marks\b)", re.IGNORECASE)
_MARKS_TOTAL: Final = re.compile(r"\s*\[\s*\d+\s+marks?\s*\]\s*$", re.IGNORECASE)
_PY_HELPER: Final = re.compile(r"(?:KI?B|MI?B|GI?B|TI?B|ONE|TEN|HUNDRED|THOUSAND|MILLION|BILLION|_)+")
# words of a constant's name that are English, not acronyms ("SNS_MAX_MESSAGE_BYTES": max, message, bytes)
_COMMON_WORDS: Final = frozenset("max min per day days sec secs size limit limits total free price usd cost rate age time "
                                 "ttl num count tier msg msgs bytes bits chars item items part parts topic topics subs "
                                 "queue queues call calls req reqs batch high low default retry retries delay hours hour "
                                 "mins week weeks years month months first last new old mode name names tags key keys "
                                 "value values group groups id ids long short api rule rules body file files list lists "
                                 "mail email user users spend".split())
_PY_DIGITS: Final = re.compile(r"(?<![\w.])\d{1,3}(?:_\d{3})+(?![\w])")
_SHOWN_KINDS: Final = frozenset({"example", "question", "quote", "bug", "failure"})   # an untitled one says something


# a letter's sign-off ("Cheers, Priya", "Love, P.", "Best,") and a postscript's label ("P.S. ", "PPS: ")
_SIGN_OFF: Final = re.compile(r"^\s*(?:cheers|love|best|regards|kind\s+regards|yours|take\s+care|talk\s+soon|xoxo|hugs)"
                              r"\s*,?\s*(?:[A-Z][\w.]*\s*){0,2}[!.]?\s*$", re.IGNORECASE)
_POSTSCRIPT: Final = re.compile(r"^\s*P\.?\s?P?\.?\s?S\.?\s*[:.-]?\s+(?=\S)")
_CORNELL_PART: Final = re.compile(r"^\s*(CUES?|NOTES|SUMMARY)\s*:\s*", re.IGNORECASE)     # a Cornell page's three parts
_OCR_BULLET: Final = re.compile(r"^(\s*)[oe]\s+(?=[A-Z0-9$~<>(])")     # "o Max memory", "e 1.x support ends …"
# a forum thread's parts: "✔ Accepted answer (34 votes):", "Q (asked by dev_mike, 12 votes):", "↳ Answer (5 votes):",
# "💬 @renato.cloud:", "My takeaway:"
_VOTES: Final = r"\([^()]*\bvotes?\b[^()]*\)"
_ACCEPTED: Final = re.compile(rf"^\s*(?:[✔✓✅☑]\ufe0f?\s*)?Accepted\s+answer\s*(?:{_VOTES})?\s*:\s*", re.IGNORECASE)
_ASKED: Final = re.compile(rf"^\s*(?:Q|Question)\s*(?:\(\s*asked\s+by\b[^()]*\)|{_VOTES})\s*:", re.IGNORECASE)
_OTHER_ANSWER: Final = re.compile(rf"^\s*(?:↳\s*)?(?:Other\s+)?Answer\s*{_VOTES}\s*:", re.IGNORECASE)
_FORUM_COMMENT: Final = re.compile(r"^\s*(?:💬|🗨️?)")
_TAKEAWAY: Final = re.compile(r"^\s*(?:My\s+)?take-?aways?\s*:\s*", re.IGNORECASE)
# a manual page's sections: a capitalised line alone ("PRICING") over indented text
_MAN_SECTION: Final = re.compile(r"^[A-Z][A-Z ]{2,23}\s*$")
_MAN_OPTION: Final = re.compile(r"^--?([a-z][\w-]*)\s{2,}(\S.*)$")      # "--max-size   16 TiB per volume"
# a changelog's tags (Keep a Changelog's and a study log's): "Added: …", "- Fixed: …"
_LOG_TAG: Final = re.compile(r"^(\s*(?:[-*]\s+)?)(Added|Changed|Fixed|Removed|Deprecated|Security|Updated)\s*:\s+(?=\S)")
_LOG_TAG_STARTS: Final = frozenset(" \t-*ACFRDSU")
_LOG_CORRECTION: Final = re.compile(r"\b(?:I|we)\s+(?:had|wrote|thought|said|used\s+to)\b|\bmy\s+(?:old|guess|draft|notes?|card)\b"
                                    r"|\bold\s+(?:note|notes|card|value)\b|~~|→|->|\b(?:merged|moved|wrong)\b",
                                    re.IGNORECASE)


def block_notations(lines: Sequence[Line], *, mail: bool = False) -> Sequence[Line]:
    """`lines` with each notation of this module read (each a no-op on lines without it); `mail`: they are the body
    of a mail whose headers the card's title holds (`is_mail`)."""
    inner = _review(_confluence(_github(_chat(_interview(_points(_git_log(_trello(_talk(_tweets(_channel(_slack(_whatsapp(_term_pairs(_sheet(_cell_rows(_config(_asciidoc(_anki(_mermaid(
        _superscript_notes(_slides(_tex(_own_blanks(_gift(_hugo(_notebook(_fact_lines(_vault(_org(_page_properties(_practice_exam(_bare_numbering(_rules(_hcl(_python(_sql(_pdf(_marking(_changelog(_man_sections(_forum(_journal(_terminal(_ocr_bullets(_cornell(_letter(_html_comments(lines))))))))))))))))))))))))))))))))))))))))))))))))
    return _restructured(_simple_tables(_json(_html(_mkdocs(_quotes(inner, mail))))))


def _sql(lines: Sequence[Line]) -> Sequence[Line]:
    """Notes kept as comments in a source file: a "-- ===== Quotas =====" banner a heading, a "/*" or "*/" line
    alone nothing (the block's lines are notes), a statement written out to its ";" code (a fence): an example's
    names and numbers, not the notes' facts."""
    if not any(_BANNER.match(line.text) or _COMMENT_FENCE.match(line.text) or _SQL_START.match(line.text)
               or _SQL_OPTIONS.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        banner = _BANNER.match(line.text)
        if banner:
            out.append(Line(line.number, "## " + banner.group("title"), line.wraps))
        elif not _COMMENT_FENCE.match(line.text):
            end = at if _SQL_OPTIONS.match(line.text) else _statement_end(lines, at) if _SQL_START.match(line.text) else None
            if end is None:
                out.append(line)
            else:
                out += [Line(line.number, "```sql"), *lines[at:end + 1], Line(lines[end].number, "```")]
                at = end
        at += 1
    return out


def _statement_end(lines: Sequence[Line], start: int) -> int | None:
    """The index of the line whose ";" ends the statement begun at `start` (None: not ended nearby, or by a blank
    or a comment line first, so not a statement)."""
    for at in range(start, min(start + _STATEMENT_LINES, len(lines))):
        text = lines[at].text
        if _SQL_END.search(text):
            return at
        if at > start and (not text.strip() or text.lstrip().startswith("--")):
            return None
    return None


def _python(lines: Sequence[Line]) -> Sequence[Line]:
    """Notes kept in a Python file, read as the notes they hold: "SNS_MAX_MESSAGE_BYTES = 262_144  # 256 KB" the line
    "SNS max message bytes: 262,144; 256 KB", a dict's '"per_day": 200,  # emails' under "SES_SANDBOX = {" the line
    "SES sandbox per day: 200; emails", "64 * KB" 64 KB, docstring quotes nothing, a "# …" comment its text; a function with its body, an
    import, an assert or a print is code (a fence): an example's names and numbers, not the notes' facts."""
    if not any(_PY_CODE.match(line.text) or _PY_DICT.match(line.text) or _PY_DOCSTRING.match(line.text)
               or ((m := _PY_CONSTANT.match(line.text)) is not None
                   and (m.group("value")[:1] in "0123456789{(\"'[" or m.group("value").split()[0] in ("True", "False", "None")))
               for line in lines):
        return lines
    out: list[Line] = []
    path: list[str] = []
    code_indent: int | None = None      # the indent of the "def" line whose body is being read
    for line in lines:
        text, indent = line.text, len(line.text) - len(line.text.lstrip())
        if code_indent is not None:
            if not text.strip() or indent > code_indent:
                out.append(line)
                continue
            out.append(Line(out[-1].number, "```"))
            code_indent = None
        if _PY_CODE.match(text):
            if re.match(r"\s*(?:async\s+)?(?:def|class)\b", text):
                out += [Line(line.number, "```python"), line]
                code_indent = indent
            else:
                out += [Line(line.number, "```python"), line, Line(line.number, "```")]
            continue
        if text.lstrip().startswith("#") and not text.lstrip().startswith("##") and not path:
            out.append(line.retext(_PY_COMMENT.sub(r"\1", text)))      # a comment is a note
            continue
        docstring = _PY_DOCSTRING.match(text)
        dict_open = _PY_DICT.match(text)
        item = _PY_ITEM.match(text) if path else None
        constant = _PY_CONSTANT.match(text)
        if docstring:
            if docstring.group(2).strip():
                out.append(line.retext(docstring.group(1) + docstring.group(2)))
            continue
        if dict_open:
            key = dict_open.group("key")
            path.append(_constant_words(key) if key.isupper() else _config_words(key))
            continue
        if path and text.strip() in ("}", "},", ")", "),"):
            path.pop()
            continue
        if item:
            value = _python_value(item.group("value").rstrip(","))
            comment = (item.group("comment") or "").strip()
            text = _labelled(item.group("lead"), f"{' '.join(path)} {_config_words(item.group('key'))}", value, comment)
        elif constant:
            if _PY_HELPER.fullmatch(constant.group("key")):
                continue        # "KB = 1024", "ONE_MILLION = 1_000_000": the file's own arithmetic helpers
            value, _, comment = constant.group("value").partition("#")
            key, value = _unit_named(constant.group("key"), _python_value(value.strip()))
            text = _labelled(constant.group("lead"), _constant_words(key), value, comment.strip())
        out.append(line.retext(text))
    if code_indent is not None:
        out.append(Line(out[-1].number, "```"))
    return out


def _constant_words(name: str) -> str:
    """A constant's name as words: "SNS_MAX_MESSAGE_BYTES" → "SNS max message bytes" (a word of up to five letters
    that `_COMMON_WORDS` does not list stays in capitals: an acronym or a unit, "SNS", "FIFO", "MB")."""
    return " ".join(w.lower() if len(w) > 5 or w.lower() in _COMMON_WORDS or (len(w) > 3 and names_a_unit(w)) else w
                    for w in name.split("_") if w)


_PY_UNIT: Final = {"MS": "ms", "S": "s", "SEC": "s", "SECS": "s", "SECONDS": "s", "MIN": "min", "MINS": "min",
                    "MINUTES": "min", "H": "h", "HOURS": "h", "DAYS": "days", "BYTES": "bytes", "KB": "KB", "MB": "MB",
                    "GB": "GB", "TB": "TB", "KIB": "KiB", "MIB": "MiB", "GIB": "GiB", "TIB": "TiB", "PCT": "%",
                    "PERCENT": "%", "USD": "$"}


def _unit_named(key: str, value: str) -> tuple[str, str]:
    """A constant whose name ends in its unit, and its bare number, as a name and a quantity: ("REST_TIMEOUT_MAX_MS",
    "29,000") is ("REST_TIMEOUT_MAX", "29,000 ms"), ("PRICE_PER_MILLION_USD", "3.50") ("PRICE_PER_MILLION", "$3.50")."""
    name, _, suffix = key.rpartition("_")
    unit = _PY_UNIT.get(suffix)
    if not name or unit is None or not re.fullmatch(r"\d[\d,]*(?:\.\d+)?", value):
        return key, value
    return name, f"${value}" if unit == "$" else f"{value}{unit}" if unit == "%" else f"{value} {unit}"


def _python_value(value: str) -> str:
    """A Python literal as notes write it: "262_144" 262,144, "64 * KB" 64 KB, quotes gone."""
    value = _PY_SIZE.sub(r"\1 \2", value.strip())
    value = _PY_DIGITS.sub(lambda m: f"{int(m.group().replace('_', '')):,}", value)
    return _JSON_QUOTES.sub(r"\1", value.replace("'", '"')).strip("{}[]() ")


def _rules(lines: Sequence[Line]) -> Sequence[Line]:
    """A sheet of decision rules read as sentences: "R40  IF not accessed 30 days THEN -> Infrequent Access" the item
    "If not accessed 30 days, then Infrequent Access", "EXCEPT Standard -> no minimum" "except Standard -> no
    minimum"; a rule's number ("R12", "R97a") only orders the sheet and goes."""
    labelled = sum(1 for line in lines if line.text.lstrip()[:1] == "R" and _RULE_LABEL.match(line.text))
    if labelled < 2 and not any(_is_rule(line.text) for line in lines):
        return lines
    out: list[Line] = []
    for line in lines:
        text = _RULE_LABEL.sub(r"\1- ", line.text) if labelled >= 2 else line.text
        if _is_rule(text):
            text = _RULE_THEN.sub(", then ", text)
            text = _RULE_WORDS.sub(lambda m: m.group(1) + ("If" if m.group(2) == "IF" else m.group(2).lower()), text)
        out.append(line.retext(text))
    return out


def _is_rule(text: str) -> bool:
    """Whether a line states a rule ("IF … THEN …", or goes on one: "THEN …", "EXCEPT …"; cheap tests first)."""
    return ("IF" in text or "THEN" in text or "EXCEPT" in text) and _RULE_IF.search(text) is not None


def _hcl(lines: Sequence[Line]) -> Sequence[Line]:
    """Notes kept in a Terraform file: a "locals {" block's "max_nodes = 1000  # per cluster" the line "max nodes:
    1000; per cluster", a "variable "max_pods" {" block's "default = 30" the line "max pods default: 30" (its
    comments lines of "max pods"); "type = …" and the braces go; a "resource"/"data"/"provider" block is an example's
    config (a fence): its values are the writer's choices, not limits."""
    if not any(_HCL_BLOCK.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    labels: list[str | None] = []      # the open blocks: a variable's words, "" for locals, None for config
    for line in lines:
        text = line.text
        block = _HCL_BLOCK.match(text)
        if block:
            if None in labels or not block.group("kind"):
                if None not in labels:
                    out.append(Line(line.number, "```hcl"))
                out.append(line)
                labels.append(None)
            else:
                labels.append(_config_words(block.group("name") or "") if block.group("kind") != "locals" else "")
            continue
        if labels and text.strip().startswith("}"):
            if labels.pop() is None:
                out.append(line)
                if None not in labels:
                    out.append(Line(line.number, "```"))
            continue
        if not labels or labels[-1] is None:
            out.append(line)
            continue
        label = labels[-1]
        attribute = _HCL_ATTRIBUTE.match(text)
        if attribute and attribute.group("value").endswith("{"):     # "tiers = {": a map, its entries under its name
            labels.append(" ".join(w for w in (label, _config_words(attribute.group("key"))) if w))
            continue
        comment = re.match(r"^(\s*)(?:#|//)\s*(.+)$", text)
        if attribute and attribute.group("key") == "type":
            continue
        if attribute:
            value = attribute.group("value").strip().strip('"')
            key = "" if attribute.group("key") == "description" else _config_words(attribute.group("key"))
            note = (attribute.group("comment") or "").strip()
            text = _labelled(attribute.group("lead"), " ".join(w for w in (label, key) if w), value, note)
        elif comment and label:
            text = f"{comment.group(1)}{label}: {comment.group(2)}"
        out.append(line.retext(text))
    if None in labels:
        out.append(Line(out[-1].number, "```"))
    return out


def _pdf(lines: Sequence[Line]) -> Sequence[Line]:
    """Text pasted from a PDF: a running header or footer ("Study Guide — Page 14", "© 2024 …") is nothing, and a word
    hyphenated across a line break is joined ("notifi-" / "cations turned on" → "notifications turned on"; the rest
    of the second line stays on it)."""
    if not any(_pdf_mark(line.text) for line in lines):
        return lines
    kept = [line for line in lines if not _page_header(line.text)]
    out: list[Line] = []
    carry = False               # the line before ended with half a word
    for at, line in enumerate(kept):
        text = line.text
        if carry:
            word, _, rest = text.lstrip().partition(" ")
            out[-1] = Line(out[-1].number, out[-1].text + word, out[-1].wraps)
            carry = False
            if not rest.strip():
                continue
            text = text[:len(text) - len(text.lstrip())] + rest
        following = kept[at + 1].text.lstrip()[:1] if at + 1 < len(kept) else ""
        if text.endswith("-") and _BROKEN_WORD.search(text) and following.islower():
            out.append(line.retext(text[:-1]))
            carry = True
            continue
        out.append(line.retext(text))
    return out


def _marking(lines: Sequence[Line]) -> Sequence[Line]:
    """A teacher's answer key read for its answers: the marking lines ("Award 1 mark for …", "Accept: …", "Do not
    accept …", "[3 marks]", "Common mistake: …") go, and a question's "[3 marks]" total with them."""
    if sum(1 for line in lines if _MARKING.match(line.text)) < 2:
        return lines
    out: list[Line] = []
    for line in lines:
        if _MARKING.match(line.text):
            continue
        text = _MARKS_TOTAL.sub("", line.text)
        out.append(line.retext(text))
    return out


def _letter(lines: Sequence[Line]) -> Sequence[Line]:
    """Notes written as letters: the sign-off ("Cheers, Priya") is nothing, a postscript's "P.S." label goes."""
    if not any(_SIGN_OFF.match(line.text) or _POSTSCRIPT.match(line.text) for line in lines):
        return lines
    return [line.retext(_POSTSCRIPT.sub("", line.text)) for line in lines if not _SIGN_OFF.match(line.text)]


def _cornell(lines: Sequence[Line]) -> Sequence[Line]:
    """A page of Cornell notes: its NOTES are the notes (the label goes); its CUES (prompts to test oneself) and its
    SUMMARY (a recap in the writer's words) are no facts of their own."""
    if sum(1 for line in lines if _CORNELL_PART.match(line.text)) < 2:
        return lines
    out: list[Line] = []
    for line in lines:
        part = _CORNELL_PART.match(line.text)
        if part is None:
            out.append(line)
        elif part.group(1).upper() == "NOTES" and line.text[part.end():].strip():
            out.append(line.retext(line.text[part.end():]))
    return out


def _ocr_bullets(lines: Sequence[Line]) -> Sequence[Line]:
    """A photo's text read by OCR: among "•" bullets, a bullet read as "o" or "e" ("o Max memory 1.5 GB") is one too."""
    if not any(line.text.lstrip().startswith("•") for line in lines) \
            or not any(line.text.lstrip()[:2] in ("o ", "e ") for line in lines):
        return lines
    return [line.retext(_OCR_BULLET.sub(r"\1• ", line.text)) for line in lines]


def _terminal(lines: Sequence[Line]) -> Sequence[Line]:
    """A terminal session saved as notes ("$ aws lambda get-account-settings", its JSON, then "# note: 50 MB zip …"):
    what the writer typed as comments are the notes (their "note:" label gone); the commands and what they printed
    (the writer's own account's values, settings and raw output) are not asked."""
    labelled = any(_LABELLED_NOTE.match(line.text) for line in lines)     # (the command may be the card's title)
    if not (labelled or any(PROMPT.match(line.text) for line in lines)) or not any(_SHELL_NOTE.match(line.text) for line in lines):
        return lines
    return [line.retext("- " + _SHELL_NOTE.sub("", line.text)) for line in lines if _SHELL_NOTE.match(line.text)]


def _journal(lines: Sequence[Line]) -> Sequence[Line]:
    """A bullet journal's page: its tasks, done and migrated ones, scheduled ones and events ("• ask Jens …", "x
    rotated my keys 04.03", "< 12.04 full mock exam", "o lunch w/ Sara") are the writer's own doings, and a monthly
    log's days ("3 Mo  o start! IAM users/groups") a calendar: neither is asked; its "– notes" and "! insights" are
    the notes. A page is a journal's when it logs a done or scheduled task beside other entries or "– " notes."""
    kinds = {m.group(1) for line in lines if (m := _LOGGED.match(line.text))}
    notes = any(line.text.lstrip().startswith("– ") for line in lines)
    days = sum(1 for line in lines if _CALENDAR_DAY.match(line.text))
    # ("•" and "o" alone are bullets, as an OCR'd slide's are: a done or scheduled task says it is a journal)
    journal = bool(kinds & {"x", "<"}) and (len(kinds) >= 2 or notes)
    if not journal and days < 3:
        return lines
    return [line for line in lines if not (journal and _LOGGED.match(line.text)) and not (days >= 3 and _CALENDAR_DAY.match(line.text))]


def _forum(lines: Sequence[Line]) -> Sequence[Line]:
    """A forum thread saved as notes: the accepted answer is the notes ("✔ Accepted answer (34 votes): …" without its
    label); the question ("Q (asked by dev_mike, 12 votes): …") is the asker's case, another answer ("↳ Answer (5
    votes): …", with the lines indented under it) often the outdated one, and comments ("💬 @user: …") chatter: none
    of them is asked. "My takeaway: …" is a note of the writer's own."""
    if not any(_ACCEPTED.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    skipped_indent: int | None = None       # inside another answer: lines indented deeper than it go with it
    for line in lines:
        text = line.text
        indent = len(text) - len(text.lstrip())
        if skipped_indent is not None and text.strip() and indent > skipped_indent:
            continue
        skipped_indent = None
        if _OTHER_ANSWER.match(text):
            skipped_indent = indent
            continue
        if _ASKED.match(text) or _FORUM_COMMENT.match(text):
            continue
        label = _ACCEPTED.match(text) or _TAKEAWAY.match(text)
        out.append(line.retext(text[:indent] + text[label.end():]) if label else line)
    return out


def _changelog(lines: Sequence[Line]) -> Sequence[Line]:
    """Notes kept as a changelog ("Added: max object size = 10 TiB"): the tag goes and the note stays; what was
    removed goes, and so does a correction that tells the notes' history ("Fixed: I had 30 days …, it's 31",
    "Changed: my old card … → …"): its values are the old, wrong ones beside the right one."""
    if not any(line.text[:1] in _LOG_TAG_STARTS and _LOG_TAG.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    for line in lines:
        tag = _LOG_TAG.match(line.text) if line.text[:1] in _LOG_TAG_STARTS else None
        if tag is None:
            out.append(line)
            continue
        kind = tag.group(2).lower()
        rest = line.text[tag.end():]
        if kind in ("removed", "deprecated") or (kind in ("fixed", "changed", "updated") and _LOG_CORRECTION.search(rest)):
            continue
        out.append(line.retext(tag.group(1) + rest))
    return out


def _man_sections(lines: Sequence[Line]) -> Sequence[Line]:
    """A manual page's body: a section's name ("PRICING") is a heading, its indented text plain lines, an option's
    line ("--max-size   16 TiB per volume") a labelled one, SYNOPSIS a command (code), SEE ALSO nothing."""
    sections = sum(1 for line in lines if line.text[:1].isupper() and _MAN_SECTION.match(line.text))
    indented = sum(1 for line in lines if line.text[:2].isspace())
    if not sections or not indented or indented < (len(lines) - sections) / 2:
        return lines
    out: list[Line] = []
    section = ""
    for line in lines:
        if _MAN_SECTION.match(line.text):
            if section == "SYNOPSIS":
                out.append(Line(out[-1].number, "```"))
            section = line.text.strip()
            if section == "SYNOPSIS":
                out.append(Line(line.number, "```"))
            elif section not in ("SEE ALSO", "DESCRIPTION"):
                out.append(line.retext("## " + section.capitalize()))
            continue
        if section == "SEE ALSO":
            continue
        text = line.text.strip()
        option = _MAN_OPTION.match(text)
        if option:
            text = f"{option.group(1)}: {option.group(2)}"
        out.append(line.retext(text))
    if section == "SYNOPSIS":
        out.append(Line(out[-1].number, "```"))
    return out


def _pdf_mark(text: str) -> bool:
    """Whether a line is a PDF's page header or footer, or ends with half a word (cheap tests first)."""
    return _page_header(text) or (text.endswith("-") and _BROKEN_WORD.search(text) is not None)


def _page_header(text: str) -> bool:
    """Whether a line is a PDF's running header or footer ("Study Guide — Page 14", "© 2024 Press")."""
    return ("age" in text or "AGE" in text or "©" in text) and _PAGE_HEADER.match(text) is not None


def _notebook(lines: Sequence[Line]) -> Sequence[Line]:
    """A Jupyter notebook exported as text: each "In [3]:" cell and "Out[3]:" output, to the next blank line or
    list item, is code (a fence): its numbers are an example's inputs and results, not the notes' facts."""
    if not any(_CELL.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    inside = False
    for line in lines:
        cell = _CELL.match(line.text)
        if cell:
            if not inside:
                out.append(Line(line.number, "```"))
                inside = True
            if cell.group(1).strip():
                out.append(Line(line.number, cell.group(1)))
            continue
        if inside and (not line.text.strip() or _CELL_ENDS.match(line.text)):
            out.append(Line(out[-1].number, "```"))
            inside = False
        out.append(line)
    if inside:
        out.append(Line(out[-1].number, "```"))
    return out


def _anki(lines: Sequence[Line]) -> Sequence[Line]:
    """An Anki export pasted as text, read as its notes show: each cloze deletion filled in and its hint dropped,
    a cloze card's "Extra:" field a plain line, and a line of hierarchical tags ("tags: aws::sqs") or a tags field
    after a tab (with the quotes of the field before it) nothing. An unclosed deletion leaves the card as written
    (the gate keeps its markup out of questions)."""
    if not any("::" in line.text for line in lines):
        return lines
    texts = [line.text for line in lines]
    if has_cloze("\n".join(texts)):
        try:
            texts = [_ANKI_EXTRA.sub(r"\1", text) for text in reveal_cloze("\n".join(texts)).split("\n")]
        except ClozeError:
            pass
    for k, text in enumerate(texts):
        tags = _ANKI_TAGS_FIELD.search(text)
        if tags is None:
            continue
        texts[k] = text[:tags.start()]
        if tags.group(1):       # a quoted field ("…""…"), opened on this line or one above
            opened = next((j for j in range(k, -1, -1) if texts[j].lstrip().startswith('"')), None)
            if opened is not None:
                texts[opened] = texts[opened].replace('"', "", 1)
                texts[opened:k + 1] = [t.replace('""', '"') for t in texts[opened:k + 1]]
    return [line.retext(text)
            for line, text in zip(lines, texts) if not _ANKI_TAGS.match(text)]


def _asciidoc(lines: Sequence[Line]) -> Sequence[Line]:
    """AsciiDoc read as rendered: a "== Section" title a "## " heading, a table ("|===") markdown pipe rows (its
    header row followed by the separator), block labels ("[NOTE]", "[cols=...]"), delimiters ("====") and anchors
    nothing, a link its text, a "+literal+" its words. (Attribute references, "{kds}", are the deck's: `CardMaker`.)"""
    if not any(_ADOC_TABLE.match(line.text) or _ADOC_LABEL.match(line.text) or "[[" in line.text or "<<" in line.text
               or "xref:" in line.text or ("+" in line.text and _ADOC_LITERAL.search(line.text)) for line in lines) \
            and not any(_ADOC_TITLE.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    table: list[Line] | None = None      # inside a table: its lines so far
    cols: int | None = None             # the columns a "[cols=...]" line gave the next table
    header = False                      # the "[cols=...]" line asked for a header row
    for line in lines:
        text = line.text
        if _ADOC_TABLE.match(text):
            if table is not None:
                out += _adoc_rows(table, cols, header)
                cols, header = None, False
            table = [] if table is None else None
            continue
        if table is not None:
            table.append(line)
            continue
        if _ADOC_BLOCK_ATTRIBUTES.match(text):
            m = _ADOC_COLS.search(text)
            if m:
                cols = int(m.group(1)) if m.group(1) else len(re.split(r"[,;]", m.group(2)))
            header = header or _ADOC_HEADER_OPTION.search(text) is not None
            continue
        label = _ADOC_LABEL.match(text)
        if label:
            if label.group("kind").lower() in _SHOWN_KINDS:
                out.append(Line(line.number, label.group("kind").capitalize() + ":", line.wraps))
            continue
        if _ADOC_DELIMITER.match(text) or _ADOC_ANCHOR.fullmatch(text.strip()):
            continue
        title = _ADOC_TITLE.match(text)
        if title:
            text = "#" * max(2, len(title.group(1))) + " " + title.group(2)
        if "[[" in text:
            text = _ADOC_ANCHOR.sub("", text)
        if "<<" in text or "xref:" in text:
            text = _ADOC_LINK.sub(_adoc_link, text)
        if "+" in text:
            text = _ADOC_LITERAL.sub(r"\1", text)
        out.append(line.retext(text))
    if table:
        out += _adoc_rows(table, cols, header)
    return out


def _adoc_rows(lines: Sequence[Line], cols: int | None, header: bool) -> list[Line]:
    """An AsciiDoc table's cells as pipe rows of `cols` cells (else as many as its first line has); the first
    row is the header when asked for, or when it is one line and a blank line follows it (file lines apart)."""
    cells: list[tuple[Line, str]] = []
    for line in lines:
        if line.text.strip().startswith("|"):
            cells += [(line, cell.strip()) for cell in line.text.strip()[1:].split("|")]
        elif cells:                       # a cell's text going on past its line
            cells[-1] = (cells[-1][0], f"{cells[-1][1]} {line.text.strip()}")
    width = cols or max(1, sum(cell[0] is lines[0] for cell in cells))
    rows = [cells[k:k + width] for k in range(0, len(cells), width)]
    out: list[Line] = []
    for n, row in enumerate(rows):
        out.append(Line(row[0][0].number, "| " + " | ".join(text for _, text in row) + " |"))
        if n == 0 and len(rows) > 1 and (header or (row[0][0] is row[-1][0] and rows[1][0][0].number > row[0][0].number + 1)):
            out.append(Line(row[0][0].number, "|" + "---|" * width))
    return out


def _adoc_link(m: re.Match[str]) -> str:
    """A cross reference's text: its own, else its anchor's words ("<<kds-limits>>" → "kds limits")."""
    text = m.group("text") or m.group("label")
    return text.strip() if text else re.sub(r"[-_#]+", " ", (m.group("id") or m.group("target")).rsplit("#", 1)[-1]).strip()


def _hugo(lines: Sequence[Line]) -> Sequence[Line]:
    """A Hugo page read as rendered: its "+++" front matter goes (its title stays when nothing else would), a
    shortcode alone on its line is its title or header as a label ('{{< tab header="Premium" >}}' → "Premium:") or
    nothing, a "ref" shortcode the page it names, and a markdown link its text."""
    if not any("+++" in line.text or "{{" in line.text for line in lines):
        return lines
    out: list[Line] = []
    fences = [k for k, line in enumerate(lines) if _FRONT_FENCE.match(line.text)]
    matter = range(fences[0], fences[1] + 1) if len(fences) >= 2 and fences[0] == 0 else range(0)
    for k, line in enumerate(lines):
        if k in matter:
            continue
        text = line.text
        if "{{" in text:
            alone = _SHORTCODE.fullmatch(text.strip())
            if alone:
                label = _SHORTCODE_LABEL.search(alone.group("args")) if not alone.group("close") else None
                if label:
                    out.append(Line(line.number, label.group(1).strip().rstrip(":") + ":", line.wraps))
                continue
            text = _SHORTCODE.sub(_shortcode_text, text)
        if "](" in text:
            text = _MARKDOWN_LINK.sub(r"\1", text)
        out.append(line.retext(text))
    if not out and matter:      # a title of front matter alone: its title
        title = next((m.group(1) for line in lines if (m := re.match(r'\s*title\s*=\s*"([^"]+)"', line.text))), None)
        return [Line(lines[0].number, title)] if title else lines
    return out


def _shortcode_text(m: re.Match[str]) -> str:
    """A shortcode inside a line: a "ref" the page it names ('{{< ref "limits.md" >}}' → "limits"), others nothing."""
    page = _SHORTCODE_REF.search(m.group("args")) if m.group("name") in ("ref", "relref") else None
    return page.group(1).rsplit("/", 1)[-1] if page else ""


def _gift(lines: Sequence[Line]) -> Sequence[Line]:
    """A GIFT quiz bank read as the facts it keys: a question's "::name::" goes, its right answer ("=1 MB", "{#31}",
    "{#500:50}", "{T}") is a line of its own with its feedback after it, and a wrong option ("~100 KB#No - …") is an
    earlier claim ("Quoted: …", not asked); "$CATEGORY:" lines go."""
    texts = [line.text for line in lines]
    blocks = [k for k, t in enumerate(texts) if "{" in t and _GIFT_OPEN.search(t)]
    # an answer block: "{=1 MB ~2 MB}", "{#31}", "{T}" on its line, or "{" whose next line opens with "=", "~" or "#"
    # (JSON's "{" is followed by a "key")
    keyed = any(re.search(r"(?<!\\)\{\s*(?:[=~#]|(?:T|F|TRUE|FALSE)\s*[#}])", texts[k]) or (
        texts[k].rstrip().endswith("{") and k + 1 < len(texts) and texts[k + 1].lstrip()[:1] in ("=", "~", "#")) for k in blocks)
    if not (keyed or any(_GIFT_NAME.match(t) or _GIFT_CATEGORY.match(t) for t in texts)):
        return lines
    out: list[Line] = []
    block: list[Line] | None = None        # the lines of an answer block opened and not yet closed
    for line in lines:
        text = _GIFT_NAME.sub("", line.text)
        if _GIFT_CATEGORY.match(text):
            continue
        if block is None and (opened := _GIFT_OPEN.search(text)):
            if text[:opened.start()].strip():
                out.append(Line(line.number, text[:opened.start()].rstrip(), line.wraps))
            block, text = [], text[opened.end():]
        if block is None:
            text = re.sub(r"^(\s*)#{1,4}(?=[^\s#])", r"\1", text)    # a question's feedback, "#Counted from …"
            out.append(line.retext(text))
            continue
        closed = re.search(r"(?<!\\)\}", text)
        block.append(Line(line.number, text[:closed.start()] if closed else text, line.wraps))
        if closed:
            out += _gift_answers(block)
            rest = text[closed.end():].strip()
            if rest:
                out.append(Line(line.number, rest, line.wraps))
            block = None
    return out + (block or [])


def _gift_answers(block: Sequence[Line]) -> list[Line]:
    """A GIFT answer block's lines: the right answers (and their feedback) as lines, wrong options quoted."""
    joined = " ".join(line.text.strip() for line in block).strip()
    number = block[0].number if block else 0
    if re.fullmatch(r"(?:T|F|TRUE|FALSE)(?:\s*#.*)?", joined, re.IGNORECASE):
        verdict, _, feedback = joined.partition("#")
        lines = ["True" if verdict.strip().upper().startswith("T") else "False"]
        return [Line(number, t) for t in lines + [f.strip() for f in feedback.split("#") if f.strip()][:1]]
    if joined.startswith("#"):              # numeric: "#31", "#500:50", "#1..5", feedback after a second "#"
        value, _, feedback = joined[1:].partition("#")
        value = value.split(":")[0].replace("..", "–").strip()
        return [Line(number, t) for t in [value, feedback.strip()] if t]
    out: list[Line] = []
    for item in _GIFT_ITEM.split(joined):
        item = item.strip()
        if not item:
            continue
        weight = _GIFT_WEIGHT.match(item[1:].strip())        # "~%50%429 …": an option worth half, right in part
        answer, _, feedback = item[1:].strip()[weight.end() if weight else 0:].partition("#")
        answer = answer.strip().replace("->", "→")
        if item[0] == "=" or (weight is not None and not weight.group().startswith("%-")):
            out.append(Line(number, answer))
            if feedback.strip():
                out.append(Line(number, feedback.strip()))
        else:
            out.append(Line(number, QUOTED + answer + (f" — {feedback.strip()}" if feedback.strip() else "")))
    return out


def _own_blanks(lines: Sequence[Line]) -> Sequence[Line]:
    """A revision sheet's own blanks filled in with their answers, so the notes say what they test: "timeout is
    ____ (30 s)" reads "timeout is 30 s", and "(1) interval ____" under "Answers: 1) 5 s" reads "- interval 5 s"
    (the answers line goes). A blank without an answer stays, and the gate keeps it out of questions."""
    if not any("___" in line.text for line in lines):
        return lines
    answers: dict[str, str] = {}
    for line in lines:
        if head := _ANSWERS_LINE.match(line.text):
            answers.update((n, a.strip()) for n, a in _ANSWER_ITEM.findall(line.text[head.end():]))
    out: list[Line] = []
    for line in lines:
        text = line.text
        if answers and _ANSWERS_LINE.match(text):
            continue
        numbered = _NUMBERED_BLANK.match(text)
        if numbered and numbered.group(2) in answers:     # its answer first: a bracket after its blank is a hint
            rest = re.sub(r"_{3,}", lambda _: answers[numbered.group(2)], text[numbered.end():], count=1)
            text = f"{numbered.group(1)}- {rest}"
        text = _OWN_BLANK.sub(lambda m: m.group(1).strip(), text)
        out.append(line.retext(text))
    return out


def _tex(lines: Sequence[Line]) -> Sequence[Line]:
    """LaTeX source read as it typesets: a frame's or section's title the heading "## Title", an "\\item" a "- "
    item, environments' begin and end and "\\pause" nothing (wherever they stand on a line), a tabular's rows
    pipe rows (under a header when a rule underlines the first; else two cells "- label: value"),
    "\\textbf{x}" and the like their text, siunitx's "\\SI{60}{\\minute}" "60 min" and "\\num{50000}" "50000",
    "--" a dash, ``quotes'' quotes, a "% comment" line (a speaker's note, not typeset) an aside."""
    if not any("\\" in line.text and _TEX_SOURCE.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    rows = None             # rows read so far of the tabular being read (None: outside one)
    header = False          # its first row is a header (a rule under it)
    for k, line in enumerate(lines):
        if _TEX_PREAMBLE.match(line.text):
            continue
        text = _TEX_COMMENT.sub(FOOTNOTE, _TEX_ITEM.sub(r"\1- ", line.text))
        for _ in range(3):          # nested: "\\alert{\\num{50000} MAU}"
            text = _TEX_SI.sub(_si, _TEX_STYLE.sub(r"\1", text))
        text = _TEX_DASH.sub(lambda m: "–" if len(m.group()) == 2 else "—", text)
        text = text.replace("~", " ").replace("``", '"').replace("''", '"')
        title = _TEX_TITLE.search(text)
        if title:
            heading = (title.group("frame") or title.group("title") or title.group("section")).strip()
            before = text[:title.start()]
            section = before.strip() + " " if before.rstrip().endswith("›") else ""    # its section's name, as titled
            out.append(Line(line.number, f"## {section}{heading}", line.wraps))
            text = ("" if section else before) + text[title.end():]
        table = rows is not None or "\\begin{tabular" in text
        rows = None if "\\end{tabular" in text else rows if rows is not None else 0 if table else None
        text = _TEX_NOTHING.sub("", text)
        if not text.strip():
            continue
        if table:
            cells = _TEX_CELL.split(text.strip())
            if rows == 0:
                below = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
                header = bool(re.search(r"\\(?:hline|midrule)", line.text) or re.match(r"\\(?:hline|midrule)\b", below))
            text = "| " + " | ".join(cells) + " |" if header or len(cells) != 2 else f"- {cells[0]}: {cells[1]}"
            if rows == 0 and header:
                out.append(Line(line.number, text, line.wraps))
                text = "|" + "---|" * len(cells)
            rows = rows + 1 if rows is not None else None
        out.append(line if text == line.text else Line(line.number, text.rstrip(), line.wraps))
    return out


def _si(m: re.Match[str]) -> str:
    """siunitx's quantity as text: "\\SI{7}{\\day}" → "7 days", "\\SI{2}{\\giga\\byte}" → "2 GB"."""
    if m.group(3) is not None:
        return m.group(3).strip()
    names = re.findall(r"\\([a-z]+)", m.group(2))
    unit = "".join(_SI_UNITS.get(name, name) for name in names)
    value = m.group(1).strip()
    return f"{value} {unit[:-1] if unit == 'days' and value == '1' else unit}".replace(" %", "%").rstrip()


def _slides(lines: Sequence[Line]) -> Sequence[Line]:
    """A slide deck's outline read as notes: a "Slide 7 — Scaling out" title the heading "## Scaling out" (its
    number goes), an "[image: diagram of …]" placeholder, a bare "Slide 12 / 40" and "Click to add notes" nothing."""
    if not any(_SLIDE.match(line.text) or _IMAGE_PLACEHOLDER.match(line.text) or SLIDE_LOCATOR.match(line.text)
               for line in lines):
        return lines
    out: list[Line] = []
    for line in lines:
        if _IMAGE_PLACEHOLDER.match(line.text) or SLIDE_LOCATOR.match(line.text):
            continue
        slide = _SLIDE.match(line.text)
        title = line.text[slide.end():].strip() if slide else ""
        out.append(Line(line.number, f"## {title}", line.wraps) if title else line)
    return out


def _superscript_notes(lines: Sequence[Line]) -> Sequence[Line]:
    """Footnotes marked with superscript numbers read as GitHub's are: a footnote ("¹ includes field names") an
    aside ("Footnote: …", not asked), its marks after values and names ("1 MiB¹", "500²") nothing, and a
    "Footnotes:" label over them nothing. Without a footnote line a superscript stays (an exponent, "m²")."""
    if not any(line.text.lstrip()[:1] in _SUPERSCRIPTS for line in lines if line.text.strip()):
        return lines
    marks = {m.group(2) for line in lines if (m := _SUPERSCRIPT_NOTE.match(line.text))}
    if not marks:
        return lines
    glued = re.compile(r"(?<=\S)(?:" + "|".join(map(re.escape, sorted(marks, key=len, reverse=True))) + r")(?![" + _SUPERSCRIPTS + r"])")
    out: list[Line] = []
    for k, line in enumerate(lines):
        text = line.text
        note = _SUPERSCRIPT_NOTE.match(text)
        if note:
            text = f"{note.group(1)}{FOOTNOTE}{text[note.end():]}"
        elif _FOOTNOTES_LABEL.match(text) and k + 1 < len(lines) and _SUPERSCRIPT_NOTE.match(lines[k + 1].text):
            continue
        else:
            text = glued.sub("", text)
        out.append(line.retext(text))
    return out


def _mermaid(lines: Sequence[Line]) -> Sequence[Line]:
    """A "```mermaid" diagram read as the statements its labels make: each node's label a "- " item where the
    diagram first names it, an edge's label "- from → to: label", a sequence diagram's message "- from → to: text"
    and its note "- Note: text"; the fence and the diagram's syntax go."""
    if not any("mermaid" in line.text for line in lines):
        return lines
    out: list[Line] = []
    inside = False
    names: dict[str, str] = {}
    for line in lines:
        text = line.text.strip()
        if not inside:
            inside = text.startswith("```") and text[3:].strip().lower() == "mermaid"
            if not inside:
                out.append(line)
            continue
        if text.startswith("```"):
            inside, names = False, {}
            continue
        if not text or _MERMAID_SKIP.match(text):
            continue
        said = _mermaid_line(text, names)
        out += [Line(line.number, "- " + statement, line.wraps) for statement in said]
    return out


def _mermaid_line(text: str, names: dict[str, str]) -> list[str]:
    """The statements one line of a diagram makes; `names` (node ID → label) grows as nodes are named."""
    if m := _MERMAID_PARTICIPANT.match(text):
        names[m.group("id")] = (m.group("label") or m.group("id")).strip()
        return []
    if m := _MERMAID_NOTE.match(text):
        return [f"Note: {m.group('text').strip()}"]
    if m := _MERMAID_MESSAGE.match(text):
        a, b = names.get(m.group("a"), m.group("a")), names.get(m.group("b"), m.group("b"))
        return [f"{a} → {b}: {m.group('text').strip()}" if a != b else f"{a}: {m.group('text').strip()}"]
    if m := _MERMAID_BLOCK.match(text):
        label = _MERMAID_NODE.search(m.group("text"))
        words = label.group("label") if label else m.group("text")
        return [words.strip()] if words.strip() else []
    said: list[str] = []
    for node in _MERMAID_NODE.finditer(text):
        if node.group("id") not in names:
            names[node.group("id")] = node.group("label").strip()
            said.append(names[node.group("id")])
    plain = _MERMAID_EDGE.sub(" --> ", _MERMAID_NODE.sub(lambda n: f" {n.group('id')} ", text))
    ends = [word for word in re.findall(r"[A-Za-z_]\w*", plain) if word in names]
    edge = _MERMAID_EDGE.search(text)
    words = edge and (edge.group("label") or edge.group("dashed") or edge.group("dotted"))
    if words and len(ends) >= 2:
        said.append(f"{names.get(ends[0], ends[0])} → {names.get(ends[1], ends[1])}: {words.strip()}")
    return said


def _config(lines: Sequence[Line]) -> Sequence[Line]:
    """Notes kept as INI or TOML config, read as the labels they are: a "[api_gateway.rest]" section a heading
    of its words, "integration_timeout_max = 29 s ; comment" the line "integration timeout max: 29 s; comment",
    quotes around strings and the brackets of an array gone, a query's "let freeGB = 5; // per month" the line
    "free GB: 5; per month". Two keys (snake case or one lowercase word), a "let", or a dotted or snake-case
    section make a card config; "Total = 5 GB" in a worked sum stays as written."""
    keys = [line for line in lines if "=" in line.text and (_CONFIG_KEY.match(line.text) or _LET.match(line.text))
            and "==" not in line.text]
    sections = [line for line in lines if (m := _CONFIG_SECTION.match(line.text)) and ("." in m.group(2) or "_" in m.group(2))]
    if len(keys) < 2 and not sections and not any(_LET.match(line.text) for line in keys):
        return lines
    out: list[Line] = []
    for line in lines:
        text = line.text
        section = _CONFIG_SECTION.match(text)
        key = _CONFIG_KEY.match(text) if "=" in text and "==" not in text else None
        constant = _LET.match(text) if "=" in text and "==" not in text else None
        if constant:
            comment = (constant.group("comment") or "").strip()
            text = _labelled(constant.group("lead"), _config_words(constant.group("key")), constant.group("value").strip(),
                             comment)
        elif section:
            words, rest = _config_words(section.group(2)), (section.group("rest") or "").strip()
            comment = rest[1:].strip() if rest[:1] in ("#", ";") else ""
            text = f"{section.group(1)}{words}: {comment}" if comment else \
                f"{section.group(1)}{words} {rest}" if rest else f"## {words}"
        elif key:
            value, comment = key.group("value"), ""
            m = _CONFIG_COMMENT.match(value)
            if m:
                value, comment = m.group(1), m.group(2).strip()
            value = value.strip()
            if value.startswith("[") and value.endswith("]"):
                value = _JSON_QUOTES.sub(r"\1", value[1:-1].strip())
            elif len(value) > 1 and value[0] == value[-1] == '"':
                value = value[1:-1].replace('\\"', '"')
            text = _labelled(key.group("lead"), _config_words(key.group("key")), value, comment)
        elif text.lstrip().startswith("# "):       # a comment of its own: a note, not the run-on of the key above
            text = f"{text[:len(text) - len(text.lstrip())]}Note: {text.lstrip()[2:].strip()}"
        out.append(line.retext(text))
    return out


def _labelled(lead: str, words: str, value: str, comment: str) -> str:
    """A setting as a labelled line of notes: "max pods default: 30; Azure CNI default" (the comment after a "; ")."""
    return f"{lead}{words}: {value}" + (f"; {comment}" if comment else "")


def _config_words(name: str) -> str:
    """A config name as words: "integration_timeout_max" → "integration timeout max", "api_gateway.rest" → "api gateway
    rest", "freeGBPerMonth" → "free GB per month"."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", re.sub(r"[_.]+", " ", name)).split()
    return " ".join(w.lower() if w[:1].isupper() and w[1:].islower() else w for w in words)


def _json(lines: Sequence[Line]) -> Sequence[Line]:
    """Notes written as JSON objects, read as the facts they list: each `"key": value` is a line `path key:
    value` (the keys of the objects around it first), arrays their items, a `// comment` the note after it;
    braces alone go. Each line keeps its file line."""
    if not any('"' in line.text and _JSON_KEY.search(line.text) for line in lines):
        return lines
    out: list[Line] = []
    path: list[str] = []
    for line in lines:
        text, _, comment = _JSON_COMMENT.sub(lambda m: m.group(1) + "\0", line.text).partition("\0")
        comment = comment.strip()
        pairs: list[str] = []
        for m in _JSON_TOKEN.finditer(text):
            if m.group("close"):
                del path[-1:]
            elif m.group("open"):
                path.append(m.group("key"))
            elif m.group("key") is not None:
                value = _JSON_QUOTES.sub(r"\1", m.group("value").strip().strip(","))
                pairs.append(" ".join([*path, m.group("key"), ""]).rstrip() + ": " + value.strip("[] "))
        if not pairs and not _JSON_KEY.search(text) and text.strip(" {}[],"):
            out.append(line if not comment else Line(line.number, text.rstrip() + "; " + comment, line.wraps))
            continue
        if pairs and comment:
            pairs[-1] += "; " + comment
        elif comment:
            pairs.append(comment)
        out += [Line(line.number, pair, line.wraps) for pair in pairs]
    return out


def _html(lines: Sequence[Line]) -> Sequence[Line]:
    """HTML pasted into plain notes, read as rendered: each table row a markdown pipe row (a row of `<th>`
    cells a header, with its separator), each `<li>` a "- " item, `<code>` a code span, other tags their text.
    A row or item written across lines is joined onto its first file line."""
    if not any("<" in line.text and _HTML_TAG.search(line.text) for line in lines):
        return lines
    out: list[Line] = []
    pending: Line | None = None           # a table row opened and not yet closed
    for line in lines:
        text = _REVEAL.sub("", line.text)
        if pending is not None:
            text, line = pending.text + " " + text.strip(), pending
            pending = None
        if re.search(r"<tr\b", text, re.IGNORECASE) and not re.search(r"</tr>", text[text.lower().rfind("<tr"):], re.IGNORECASE):
            pending = Line(line.number, text, line.wraps)
            continue
        for part in _HTML_PART.sub(lambda m: "\0" + m.group(), text).split("\0"):
            out += _html_part(Line(line.number, part, line.wraps))
    if pending is not None:
        out += _html_part(pending)
    return out


def _html_part(line: Line) -> list[Line]:
    """One row or item of `_html`, or a line without either."""
    text = line.text
    row = _HTML_ROW.search(text)
    if row:
        cells = [_HTML_TAG.sub("", cell).strip() for cell in _HTML_CELL_GAP.split(row.group(1))]
        piped = [Line(line.number, "| " + " | ".join(cells) + " |", line.wraps)]
        if re.search(r"<th\b", text, re.IGNORECASE):
            piped.append(Line(line.number, "|" + "---|" * len(cells)))
        return piped
    item = re.match(r"\s*<li\b[^<>]*>", text, re.IGNORECASE)
    text = re.sub(r"<code\b[^<>]*>(.*?)</code>", r"`\1`", text, flags=re.IGNORECASE)
    text = _HTML_TAG.sub("", text).strip()
    if not text:
        return []
    return [Line(line.number, ("- " if item else "") + text, line.wraps)]


def _restructured(lines: Sequence[Line]) -> Sequence[Line]:
    """`lines` with reStructuredText's marks read: a field or directive name is a label, a double-backtick
    literal a code span, an underlined title a heading (its underline goes), and the indented block after
    "::" or ".. code-block::" a fenced code block (its numbers are a listing's, not facts)."""
    if not any(":" in line.text or "``" in line.text or _UNDERLINE.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    headed = False          # the line before was made a heading: this one is its underline
    literal: int | None = None   # inside a literal block: the indent of the line that opened it
    for k, line in enumerate(lines):
        text = line.text
        if literal is not None:
            if not text.strip() or _indent(text) > literal:
                out.append(line)
                continue
            out.append(Line(out[-1].number, "```"))
            literal = None
        if headed:
            headed = False
            continue
        below = lines[k + 1].text if k + 1 < len(lines) else ""
        if _UNDERLINE.match(below) and _underlined(text, below):
            text, headed = "## " + text.strip(), True
        opens = _LITERAL.search(text)
        if opens:                   # "Example::" keeps "Example:"; a lone "::" or a directive is only the fence
            literal, text = _indent(text), text[:opens.start()] + (":" if opens.group(1) else "")
            if not text.strip():
                out.append(Line(line.number, "```"))
                continue
        if ":" in text:
            text = _DIRECTIVE.sub(lambda m: f"{m.group(1)}{m.group(2).capitalize()}: ", _FIELD.sub(r"\1\2:", text))
            text = _ROLE.sub(r"\1", _REFERENCE.sub(lambda m: f" {m.group(1)}" if m.group(1) else "", text))
        if "``" in text:
            text = re.sub(r"(?<!`)``(?!`)", "`", text)      # a ``literal``, not a "```" fence
        out.append(line.retext(text))
        if opens:
            out.append(Line(line.number, "```"))
    if literal is not None:
        out.append(Line(out[-1].number, "```"))
    return out


def _cell_rows(lines: Sequence[Line]) -> Sequence[Line]:
    """A sheet exported with each cell's reference ("A3: max key size | B3: 512 MB  // comment: …") as the pipe
    rows `_sheet` reads ("| A3 | max key size | 512 MB | … |", a "| Cell | …" header over them when the block's
    first row names its columns); a block's range ("Limits!A2:C6 — ") goes from its title, and a comment thread's
    "// Ana:" names go (a question in it is no claim: "Quoted: …")."""
    if not any("!" in line.text or "//" in line.text or _CELL_PREFIXED.match(line.text) for line in lines):
        return lines
    cells_rows = sum(1 for line in lines if _CELL_PAIR.match(line.text))     # (not "M60: 16 vCPU" lines: a tier's name)
    out: list[Line] = []
    headed, width = False, 0
    for line in lines:
        text = _SHEET_RANGE.sub(r"\1", line.text)
        if cells_rows >= 2 and _THREAD.match(text):
            said = text[_THREAD.match(text).end():].strip()      # type: ignore[union-attr]
            text = (QUOTED if said.endswith("?") else "- ") + said
        elif cells_rows >= 2 and (prefixed := _CELL_PREFIXED.match(text)):
            row, *rest = _CELL_COMMENT.split(text.strip(), maxsplit=1) if "//" in text else [text.strip()]
            comment = rest[0] if rest else ""
            cells = {m.group(1): cell[m.end():].strip() for cell in row.split(" | ") if (m := _CELL_REF.match(cell.strip()))}
            width = max([width, *(ord(c[-1]) - 64 for c in cells)])      # (a row's empty cells at its end left out)
            values = [cells.get(chr(65 + n), "") for n in range(width)]
            ref = prefixed.group(1)
            if not headed and not any(ch.isdigit() for ch in "".join(values)):
                text = "| Cell | " + " | ".join(v or "item" for v in values) + " | comment |"
            else:
                text = f"| {ref} | " + " | ".join(values) + f" | {comment} |"
            headed = True
        out.append(line.retext(text))
    return out


def _sheet(lines: Sequence[Line]) -> Sequence[Line]:
    """Spreadsheet rows read as what the sheet shows: cell references and formulas go; a row of an item and its
    value is the line "Item: value." (its comment a sentence after it; a row without a value, "#N/A" or "TODO",
    goes), and under a header whose first column is no item name the rows are a table's, with that header."""
    rows = [line.text for line in lines if _CELL_ROW.match(line.text) and line.text.count("|") >= 2]
    items = [t for t in rows if re.search(r"[A-Za-z]{2}", (t.strip().strip("|").split("|") + ["", ""])[1])]
    first = next((line.text for line in lines if line.text.count("|") >= 2), "")
    if not rows or not (_SHEET_HEADER.match(first) or (len(items) >= 2 and _CELL_ROW.match(first))):
        return lines      # ("| E8 | 8 | 64 GiB |", "| B1 | 384 MB |": a class named like a cell, in a table with its header)
    out: list[Line] = []
    columns: list[str] = ["item", "value", "formula", "comment"]       # the usual layout when the card has no header
    for line in lines:
        header = _SHEET_HEADER.match(line.text)
        if not header and not _CELL_ROW.match(line.text):
            out.append(line)
            continue
        cells = [c.strip() for c in line.text.strip().strip("|").split("|")][1:]
        if header:
            columns = [c.lower() for c in cells]
        if columns and columns[0] not in _ITEM_HEADERS:     # a table's row (its header row with its separator)
            kept = [c for c, name in zip(cells, columns) if not name.startswith("formula")]
            out.append(Line(line.number, "| " + " | ".join(kept) + " |", line.wraps))
            if header:
                out.append(Line(line.number, "|" + "---|" * len(kept)))
            continue
        if header:
            continue
        named = dict(zip(columns, cells))
        item, value = (cells + ["", ""])[0], named.get("value", (cells + ["", ""])[1])
        if value.lower() in _NO_VALUE or value.startswith("="):
            continue
        comment = named.get("comment", "")
        text = f"{item}: {value}." + (f" {comment[0].upper()}{comment[1:]}" if comment else "")
        out.append(Line(line.number, text, line.wraps))
    return out


def _fact_lines(lines: Sequence[Line]) -> Sequence[Line]:
    """A card that states its facts on "fact: …" lines asks them there: the label goes, and the unlabelled lines
    above the first one (a verse, a mnemonic that holds the same numbers) are earlier wordings ("Quoted: …")."""
    first = next((k for k, line in enumerate(lines) if _FACT_LABEL.match(line.text)), None)
    if first is None:
        return lines
    out: list[Line] = []
    for k, line in enumerate(lines):
        text = _FACT_LABEL.sub(r"\1", line.text)
        if k < first and text.strip() and not _LABELLED.match(text) and not text.lstrip().startswith(("-", "*", "•", "|", "#")):
            text = QUOTED + text.strip()
        out.append(line.retext(text))
    return out


def _term_pairs(lines: Sequence[Line]) -> Sequence[Line]:
    """A flashcard set exported as "term<TAB>definition" lines read as labels: "restore window: 6 hours" (a lone
    value typed on the term's side belongs to the definition: "4,000<TAB>max_connections cap" is
    "max_connections cap: 4,000")."""
    if sum(1 for line in lines if "\t" in line.text and _TERM_PAIR.match(line.text)) < 2:
        return lines
    out: list[Line] = []
    for line in lines:
        m = _TERM_PAIR.match(line.text) if "\t" in line.text else None
        if m:
            lead, term, definition = m.groups()
            if _LONE_VALUE.fullmatch(term) and not _LONE_VALUE.fullmatch(definition):
                term, definition = definition, term
            line = Line(line.number, f"{lead}{term}: {definition}", line.wraps)
        out.append(line)
    return out


def _channel(lines: Sequence[Line]) -> Sequence[Line]:
    """A chat channel's log read as its messages: the time and the sender go (each message a list item of its
    own, a thread's replies too), reactions, reply counts and ":emoji:" codes go, and a quote of an earlier
    message, a message that gives old values ("$5 was old", "i had $3.19") and every message with a number
    between the last correction and one that corrects them ("actually it's $6 now") are earlier claims
    ("Quoted: …", not asked). Where the channel sums a discussion up ("📌 FACT: …", "TL;DR: …"), the summary
    is what it settled: the messages before it are the discussion (quoted, not asked)."""
    if sum(1 for line in lines if _MESSAGE.match(line.text)) < 2:
        return lines
    sends = [_MESSAGE.match(line.text) for line in lines]
    said = [_PINNED.sub("", line.text[sent.end():].strip()) if sent else "" for line, sent in zip(lines, sends)]
    summed = [k for k, (sent, words) in enumerate(zip(sends, said)) if sent and (_SUMMARY.match(words) or (
        _PINNED.match(lines[k].text[sent.end():].strip()) and re.match(r"(?:summary|recap|tl;?dr)\b", words, re.IGNORECASE)))]
    texts: list[str | None] = []
    since = 0
    for k, (line, sent) in enumerate(zip(lines, sends)):
        if not sent:
            texts.append(None if _REACTION.match(line.text) or _REPLY_COUNT.match(line.text) else line.text)
            continue
        message = _EMOJI_CODE.sub("", said[k]).strip()
        if not message or _REACTION.match(said[k]):
            texts.append(None)
            continue
        summary = _SUMMARY.match(message) or (_PINNED.match(line.text[sent.end():].strip())
                                               and re.match(r"(?:summary|recap|tl;?dr)\b\s*", message, re.IGNORECASE))
        if summary:
            texts.append("- " + message[summary.end():])
            continue
        if summed and k < summed[-1]:
            texts.append(QUOTED + message)
            continue
        back = _POINTS_BACK.match(message)      # "that's the old price. since July it's $6.25": the new value
        old = message.startswith(">") or (_OLD_VALUES.search(message) and not (back and re.search(r"\d", message[back.end():])))
        if _CORRECTS.search(message):     # what was said since the last correction
            texts[since:] = [QUOTED + t.strip() if t is not None and re.search(r"\d", t) and not t.startswith(QUOTED)
                             else t for t in texts[since:]]
            since = len(texts) + 1
        texts.append(QUOTED + message.lstrip("> ") if old else "- " + message)
    return [line.retext(text)
            for line, text in zip(lines, texts) if text is not None]


def _whatsapp(lines: Sequence[Line]) -> Sequence[Line]:
    """A WhatsApp chat export read as a chat log (`_channel`): "04/03/2024, 21:04 - Tom: …" (or "[04/03/2024,
    21:04:05] Tom: …") the message "[21:04] Tom: …"; the app's own lines (encryption notice, "Priya added you"),
    "<Media omitted>", deleted messages and voice-note files nothing."""
    if sum(1 for line in lines[:20] if WHATSAPP.match(line.text)) < 2:
        return lines
    out: list[Line] = []
    for line in lines:
        sent = WHATSAPP.match(line.text)
        if sent is None:
            if not _WHATSAPP_NOTHING.match(line.text):
                out.append(line)
            continue
        who, _, said = sent.group("rest").partition(": ")
        if said and len(who) <= 40 and not _WHATSAPP_NOTHING.match(said):
            sender = re.sub(r"[^\w.-]+", "_", who.strip())
            out.append(line.retext(f"[{sent.group('time')}] {sender}: {said}"))
    return out


def _slack(lines: Sequence[Line]) -> Sequence[Line]:
    """A Slack thread copied as text read as a chat log (`_channel`): each line of a message under its sender's
    "Name  10:42 AM" header becomes "[10:42] Name: line", replies ("↳") at the thread's level, the headers gone."""
    if sum(1 for line in lines if "  " in line.text and _SLACK_HEADER.match(line.text)) < 2:
        return lines
    out: list[Line] = []
    sender: tuple[str, str] | None = None
    for line in lines:
        header = _SLACK_HEADER.match(line.text)
        if header:
            sender = header.group("time"), header.group("who").replace(" ", "_")
        elif sender is not None and line.text.strip() and not _PINNED.match(line.text.strip()):
            out.append(Line(line.number, f"[{sender[0]}] {sender[1]}: {line.text.strip()}", line.wraps))
        else:
            out.append(line)
    return out


def _html_comments(lines: Sequence[Line]) -> Sequence[Line]:
    """HTML comments nothing, on one line or over several: a slide deck's speaker notes and directives ("<!--
    _class: lead -->", "<!-- CI redeploying 40 fns … -->") are not shown, nor are notes commented out."""
    if not any("<!--" in line.text for line in lines):
        return lines
    out: list[Line] = []
    inside = False
    for line in lines:
        text = line.text
        if inside:
            end = text.find("-->")
            if end < 0:
                continue
            text, inside = text[end + 3:], False
        text = _HTML_COMMENT.sub("", text)
        if "<!--" in text:
            text, inside = text[:text.index("<!--")], True
        if text.strip() or not line.text.strip():
            out.append(line.retext(text.rstrip()))
    return out


def _tweets(lines: Sequence[Line]) -> Sequence[Line]:
    """A thread of posts saved as notes ("1/6 A shard = 1 to 6 nodes … #AWS"): each post a list item without its
    number and trailing hashtags, the counts under the thread ("♥ 38  ↻ 6  💬 4") nothing, and a quoted post of
    one's own ('QT @me: "… maxes out at 250 shards"') the earlier claim it corrects ("Quoted: …", not asked), the
    correction's "❌ wrong-ish." mark said."""
    if sum(1 for line in lines if _POST_NUMBER.match(line.text)) < 2:
        return lines
    out: list[Line] = []
    for line in lines:
        if _ENGAGEMENT.match(line.text):
            continue
        post = _POST_NUMBER.match(line.text)
        text = _RETRACTED.sub("", _TRAILING_TAGS.sub("", line.text[post.end():] if post else line.text))
        quoted = _QUOTE_POST.match(text)
        if quoted:
            text = QUOTED + text[quoted.end():].strip().strip('"“”')
        elif post:
            text = "- " + text
        out.append(line.retext(text))
    return out


def _talk(lines: Sequence[Line]) -> Sequence[Line]:
    """Live notes of a talk read as what was said: a line's "[14:32]" timestamp becomes a list item's bullet (each
    line a note of its own, never joined as wrapped prose), a slide's text or the speaker's words quoted whole are
    the line's statement (unquoted), and "Q from audience:" is a drill's "Q:"."""
    if sum(1 for line in lines if _TIMESTAMP.match(line.text)) < 2:
        return lines
    out: list[Line] = []
    for line in lines:
        stamped = _TIMESTAMP.match(line.text)
        text = _AUDIENCE.sub(r"\1Q: ", _SLIDE_QUOTE.sub(r"\1\2", _TIMESTAMP.sub(r"\1", line.text)))
        if stamped and not re.match(r"\s*(?:[-*•]\s|Q:|A:)", text):
            text = text[:len(text) - len(text.lstrip())] + "- " + text.lstrip()
        out.append(line.retext(text))
    return out


def _trello(lines: Sequence[Line]) -> Sequence[Line]:
    """A Trello card read as its notes: the list, labels and other fields go, "Description:" and "Checklist (3/5):"
    are no labels, a checklist's tasks no notes, and a dated comment ("Jo (Mar 3): …", "TW - 26/08/2024 16:48: …") is a
    "Comment: …" (a label, as in a forum thread). (Its list may be a banner between cards: `note_sections._KANBAN_LIST`.)"""
    texts = [line.text for line in lines]
    listed = any(re.match(r"\s*List\s*:", t) for t in texts)
    labelled = any(re.match(r"\s*(?:Labels?|Members?|Due)\s*:", t) for t in texts)
    if not (listed and labelled or (listed or labelled) and any(_TRELLO_LABEL.match(t) for t in texts)):
        return lines
    out: list[Line] = []
    for line in lines:
        if _TRELLO_FIELD.match(line.text) and (len(line.text.split()) <= 8 or all(
                _TRELLO_FIELD.match(part) for part in re.split(r"\s+[·•|]\s+", line.text))) \
                or _CHECKLIST_TASK.match(line.text):
            continue
        text = _DATED_COMMENT.sub(r"\1Comment: ", _TRELLO_LABEL.sub(r"\1", line.text))
        if text.strip():
            out.append(line.retext(text))
    return out


def _git_log(lines: Sequence[Line]) -> Sequence[Line]:
    """A git log read as the notes it changed: commit headers and diff headers go, a message is its text, a diff's
    "+" line the notes as they are now and its "-" line what they said before ("Quoted: …", not asked)."""
    oneline = sum(1 for line in lines if _ONELINE.match(line.text)) >= 2     # "git log --oneline": "9eaa4f1 fix: …"
    if not oneline and not any(_COMMIT.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    for line in lines:
        text = line.text
        if _GIT_HEADER.match(text):
            continue
        hash_ = _ONELINE.match(text) if oneline else None
        if hash_:
            text = "    " + text[hash_.end():]
        if re.match(r"\s*Revert\s+\"", text):
            text = QUOTED + text.strip()        # 'Revert "F4_1G is 4 GB now"': the reverted claim
        elif re.match(r"-(?![-\s])", text):
            text = QUOTED + text[1:].strip()
        elif re.match(r"\+(?![+\s])", text):
            text = text[1:].strip()
        elif text.startswith("    "):     # the message, without its conventional type ("fix: …", "docs(run): …")
            text = re.sub(r"^(?:fix|feat|docs|chore|refactor|style|test|perf|build|ci|revert)(?:\([^)]*\))?!?:\s*", "",
                          text.strip())
        out.append(line.retext(text))
    return out


def _points(lines: Sequence[Line]) -> Sequence[Line]:
    """A quiz's point values ("Q12 (2 pts)") read as nothing: they score the quiz, they are not its subject's."""
    if not any(("pt" in line.text or "mark" in line.text or "point" in line.text) and _POINTS.search(line.text) for line in lines):
        return lines
    out = []
    for line in lines:
        text = _POINTS.sub("", line.text)
        out.append(line.retext(text))
    return out


def _interview(lines: Sequence[Line]) -> Sequence[Line]:
    """A typed-up interview or oral exam read as a drill: the examiner's question is a "Q: …" heading the answer
    ("A: …") given to it, the examiner's correction ("Not quite — it's 2 days") takes back the answers since the
    last question (earlier claims, "Quoted: …") and states the fact, and the speakers' names go."""
    turns = [(k, _EXAMINER.match(line.text), _CANDIDATE.match(line.text)) for k, line in enumerate(lines)
             if ":" in line.text[:20]]
    turns = [turn for turn in turns if turn[1] or turn[2]]
    if len(turns) < 2 or not any(e for _, e, _ in turns) or not any(c for _, _, c in turns):
        return lines
    texts = [line.text for line in lines]
    answers: list[int] = []       # the candidate's turns since the examiner last spoke
    asked = False
    for k, examiner, candidate in turns:
        if examiner:
            rest = texts[k][examiner.end():]
            correction = _CORRECTION.match(rest)
            if correction:
                for j in answers:
                    texts[j] = QUOTED + texts[j].strip()
                rest = rest[correction.end():]
            asked = rest.rstrip().endswith("?")
            texts[k] = examiner.group(1) + ("Q: " if asked else "") + rest
            answers = []
        elif candidate:
            texts[k] = candidate.group(1) + ("A: " if asked and not answers else "") + texts[k][candidate.end():]
            answers.append(k)
    return [line.retext(text) for line, text in zip(lines, texts)]


def _chat(lines: Sequence[Line]) -> Sequence[Line]:
    """A saved chat read as questions and answers: a user's question is a drill's "Q: …", which heads the turn
    that answers it ("A: …"); the user's other words (remarks, corrections) and an assistant's turn that the next
    one takes back ("You're right, …") are earlier claims ("Quoted: …", not asked). One side alone keeps its words
    without the speaker's name."""
    turns = [(k, m) for k, line in enumerate(lines) if (m := _SPEAKER.match(line.text))]
    askers = {m.group("who").lower() in _ASKER for _, m in turns}
    if len(turns) < 2 or askers != {True, False}:
        # one side of the chat only (a card whose title is the user's question, "User: what tiers …?", over the
        # assistant's answer, "Assistant:" on a line of its own): the speakers' names go, their words stay
        ends = {k: m.end() for k, m in turns}
        return [line if k not in ends else Line(line.number, line.text[ends[k]:], line.wraps)
                for k, line in enumerate(lines) if k not in ends or line.text[ends[k]:].strip()]
    starts = [k for k, _ in turns] + [len(lines)]
    texts = [line.text for line in lines]
    answered = False          # the turn before was a user's question
    for n, (k, m) in enumerate(turns):
        rest = texts[k][m.end():]
        asker = m.group("who").lower() in _ASKER
        if asker:
            answered = rest.rstrip().endswith("?")
            texts[k] = ("Q: " if answered else QUOTED) + rest
            continue
        later = [t for t in turns[n + 1:] if t[1].group("who").lower() not in _ASKER]
        taken_back = bool(later) and _CONCEDES.match(texts[later[0][0]][later[0][1].end():]) is not None
        texts[k] = (QUOTED if taken_back else "A: " if answered else "") + rest
        if taken_back:
            for j in range(k + 1, starts[n + 1]):
                texts[j] = QUOTED + texts[j].strip() if texts[j].strip() else texts[j]
        answered = False
    return [line.retext(text) for line, text in zip(lines, texts)]


def _bare_numbering(lines: Sequence[Line]) -> Sequence[Line]:
    """A list numbered 1, 2, 3 … without dots or brackets read as a list ("- volatile-lru"): its numbers count the
    notes' items (a number before a unit or a row with more numbers, "1 GB" / "2 CU  8 GB", stays); a self-quiz's
    "ans: 5 | 500" key nothing."""
    numbers = [m if m and not re.search(r"[\d\t]", line.text[m.end():]) else None
               for line, m in zip(lines, (_BARE_NUMBER.match(line.text) for line in lines))]

    def item(k: int, n: int) -> bool:     # (the unit lexicon asked only of a line the list's count reaches)
        m = numbers[k]
        return m is not None and int(m.group(2)) == n and not names_a_unit(m.group(3))
    items: set[int] = set()
    k = 0
    while k < len(lines):
        run = k
        while run < len(lines) and item(run, run - k + 1):
            run += 1
        if run - k >= 3:
            items.update(range(k, run))
        k = max(run, k + 1)
    if not items and not any(_ANSWER_KEY.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    for k, line in enumerate(lines):
        if _ANSWER_KEY.match(line.text):
            continue
        m = numbers[k] if k in items else None
        out.append(Line(line.number, f"{m.group(1)}- {line.text[m.end():]}", line.wraps) if m else line)
    return out


def _review(lines: Sequence[Line]) -> Sequence[Line]:
    """A code review's comments read as what they say: a comment's label ("nit:", "blocking:") nothing, and a
    reviewer's "LGTM …:" or "Resolved" nothing."""
    if not any(_REVIEW_LABEL.match(line.text) or _REVIEW_CHATTER.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    for line in lines:
        if _REVIEW_CHATTER.match(line.text):
            continue
        text = _REVIEW_LABEL.sub(r"\1", line.text)
        out.append(line.retext(text))
    return out


def _practice_exam(lines: Sequence[Line]) -> Sequence[Line]:
    """A practice exam's question with its options, the learner's answer and the key: the options (mostly wrong
    answers), "My answer: C ✗" and "Correct: B" nothing, "Why:" the explanation's label nothing."""
    record = any(_EXAM_RECORD.match(line.text) for line in lines)
    asked = record or any(line.text.rstrip().endswith("?") for line in lines)
    option = _EXAM_OPTION_OR_DOTTED if asked else _EXAM_OPTION
    letters = {line.text.lstrip(" (")[0] for line in lines if option.match(line.text)}
    options = any(_EXAM_OPTIONS.match(line.text) for line in lines) or {"A", "B"} <= letters
    if not options and not record:
        return lines
    out: list[Line] = []
    for line in lines:
        if _EXAM_RECORD.match(line.text) or (options and option.match(line.text)):
            continue
        text = _EXAM_WHY.sub(r"\1", line.text)
        out.append(line.retext(text))
    return out


def _page_properties(lines: Sequence[Line]) -> Sequence[Line]:
    """A page's properties at the top of its notes ("Tags: …", "Status: Reviewed", "Last edited: …") nothing: they
    file the page, they say nothing of its subject."""
    top = 0
    while top < len(lines) and _PAGE_PROPERTY.match(lines[top].text):
        top += 1
    return lines[top:] if top else lines


def _org(lines: Sequence[Line]) -> Sequence[Line]:
    """Emacs Org-mode read as exported: a heading without its tags, TODO keyword and priority, drawers and planning
    lines nothing, a "#+begin_src" block a fence (an example's numbers, not the notes' facts), "#+TITLE:"-like
    keywords nothing, =verbatim= and ~code~ their text, "[[link][text]]" its text, a table's "|---+---|" rule
    a markdown rule."""
    if not any(_ORG_TAGS.match(line.text) or ORG_DRAWER.match(line.text) or _ORG_BLOCK.match(line.text)
               or ORG_PLANNING.match(line.text) or _ORG_WORD_MARK.search(line.text) for line in lines):
        return lines
    out: list[Line] = []
    drawer = False
    for line in lines:
        text = line.text
        if drawer or ORG_DRAWER.match(text):
            drawer = not ORG_DRAWER_END.match(text)
            continue
        if ORG_PLANNING.match(text) or (_ORG_KEYWORD.match(text) and not _ORG_BLOCK.match(text)):
            continue
        block = _ORG_BLOCK.match(text)
        if block:
            if block.group("kind").lower() in ("src", "example"):
                out.append(Line(line.number, "```" if block.group("end").lower() == "end" else "```" + block.group("lang")))
            continue
        text = _ORG_STATE.sub(r"\1", _ORG_TAGS.sub(r"\1", text))
        if "[[" in text:
            text = _ORG_LINK.sub(lambda m: m.group(2) or m.group(1), text)
        if "=" in text or "~" in text:
            text = _ORG_MARK.sub(lambda m: m.group(1) or m.group(2), text)
        if _ORG_RULE.match(text):
            text = text.replace("+", "|")
        out.append(line.retext(text))
    return out


def _vault(lines: Sequence[Line]) -> Sequence[Line]:
    """An Obsidian or Logseq note read as rendered: a line of tags, of links or of a block's id only is navigation
    (it goes), a wikilink its text ("[[Spend cap|the cap]]" is "the cap"), a block reference nothing, a property
    "key:: value" the label "key: value", a "DONE" marker nothing (a "TODO" stays: the notes doubt that line) and
    a table written in an item ("- | kind | timeout |") a table."""
    if not any("#" in line.text or "[[" in line.text or "::" in line.text or "((" in line.text
               or _TASK_STATE.match(line.text) or _BULLET_ROW.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    for line in lines:
        if _TAG_LINE.match(line.text) or _WIKILINKS_ONLY.match(line.text) or _HIDDEN_PROPERTY.match(line.text):
            continue
        text = _WIKILINK.sub(lambda m: m.group(1) or m.group(2), line.text) if "[[" in line.text else line.text
        text = _BULLET_ROW.sub(r"\1", _TASK_STATE.sub(r"\1", _PROPERTY.sub(r"\1\2: ", _BLOCK_REF.sub("", text))))
        out.append(line.retext(text))
    return out


def _github(lines: Sequence[Line]) -> Sequence[Line]:
    """GitHub-flavoured markdown read as rendered: a footnote's text a "Footnote: …" line (an aside, not asked),
    its marks nothing, a task item a list item, a reference link its text and the link's definition nothing."""
    if not any("[" in line.text for line in lines):
        return lines
    out: list[Line] = []
    for line in lines:
        text = line.text
        if _LINK_DEFINITION.match(text) and not _FOOTNOTE_TEXT.match(text):
            continue
        text = _FOOTNOTE_TEXT.sub(FOOTNOTE, _TASK.sub(r"\1", text))
        text = _REFERENCE_LINK.sub(r"\1", _FOOTNOTE_MARK.sub("", text))
        out.append(line.retext(text))
    return out


def _confluence(lines: Sequence[Line]) -> Sequence[Line]:
    """A Confluence page read as rendered: a "||Class||SLA||" row a table's header, an "ℹ️ Info:" or "⚠️ Warning:"
    panel a note ("Note: …"), a "(/)" or "(x)" in a table cell yes or no (elsewhere nothing), status macros and
    "Expand: details" titles nothing."""
    if not any(("||" in line.text or "[STATUS" in line.text.upper() or "(/)" in line.text or "(x)" in line.text
                or "Expand" in line.text or _PANEL.match(line.text)) for line in lines):
        return lines
    out: list[Line] = []
    for line in lines:
        text = line.text
        if _EXPAND.match(text):
            continue
        if _WIKI_HEADER.match(text):
            cells = [c.strip() for c in text.strip().strip("|").split("||")]
            out += [Line(line.number, "| " + " | ".join(cells) + " |", line.wraps), Line(line.number, "|" + "---|" * len(cells))]
            continue
        text = _PANEL.sub(r"\1Note: ", _STATUS.sub("", text))
        if "(" in text:
            row = text.lstrip().startswith("|")
            text = _TICK.sub(lambda m: ("yes" if m.group(1) == "/" else "no") if row else "", text)
            text = re.sub(r"\s{2,}", " ", text) if not row and text.strip() else text
        if not text.strip() and line.text.strip():
            continue
        out.append(line if text == line.text else Line(line.number, text.rstrip(), line.wraps))
    return out


def is_mail(lines: Sequence[Line]) -> bool:
    """Whether `lines` are (or hold) a mail: a "From:" header with an address, two headers together ("Subject:"
    over "From:"), or an "On … wrote:" line."""
    texts = [line.text for line in lines]
    return any(_WROTE.match(t) for t in texts) or any(
        _MAIL_HEADER.match(t) and (_MAIL_FROM.match(t) and _MAIL_ADDRESS.search(t) or any(
            _MAIL_HEADER.match(u) and u.split(":")[0].strip().lower() != t.split(":")[0].strip().lower()
            for u in texts[k + 1:k + 3]))
        for k, t in enumerate(texts))


def _quotes(lines: Sequence[Line], mail: bool = False) -> Sequence[Line]:
    """Blockquotes and mail threads read as rendered. In a thread (`is_mail`, or `mail`: the card's title holds
    the headers) the headers, the signatures and the rules between mails go, a "Subject:" is its subject
    ("Re: quotas" is about quotas), and a quoted line of the mail replied to becomes "Quoted: …": an earlier
    claim, which the reply under it may correct (the gate does not ask it, nor a value it quotes back). Elsewhere
    a "> " callout is its text (an Obsidian callout's "[!warning]" mark goes, and its title unless it states a number)."""
    if not mail and not any(line.text.lstrip().startswith(">") or "From" in line.text or "wrote:" in line.text
                            for line in lines):
        return lines
    thread = mail or is_mail(lines)
    out: list[Line] = []
    signed = False
    for line in lines:
        text = line.text
        subject = _SUBJECT.match(text) if thread else None
        if subject and text[subject.end():].strip():
            out.append(Line(line.number, text[subject.end():].strip(), line.wraps))
            continue
        # a signature runs to the next mail's headers
        signed = thread and (bool(_SIGNATURE.match(text)) or signed and not _MAIL_HEADER.match(text))
        if thread and (signed or _SIGNED.match(text) or _MAIL_HEADER.match(text) or _WROTE.match(text)
                       or _MAIL_RULE.match(text)):
            continue
        mark = _QUOTE_MARK.match(text)
        if mark and (thread or re.match(r"\s*>\s+(?:[A-Za-z*_\[!]|[-*+]\s)", text)):
            rest = text[mark.end():].strip()
            if not rest or not thread and _CALLOUT.match(rest) and not re.search(r"\d", rest):
                continue
            rest = rest if thread else _CALLOUT.sub("", rest, count=1)
            text = QUOTED + rest if thread else text[:len(text) - len(text.lstrip())] + rest
        out.append(line.retext(text))
    return out


def _mkdocs(lines: Sequence[Line]) -> Sequence[Line]:
    """MkDocs' admonitions and tabs read as rendered: the title a label over the body, whose lines become its
    items, so the title is the context of its body only ("Note" and the like, untitled, go: they say nothing;
    an untitled "Example" stays, the gate needs it); marked, inserted and key text their words."""
    if not any(("==" in line.text or "!!!" in line.text or "???" in line.text or "++" in line.text or "^^" in line.text)
               for line in lines):
        return lines
    out: list[Line] = []
    body: int | None = None          # inside a block: the indent of its opening line
    titled = False                   # the block has a label: its body lines are the label's items
    for line in lines:
        text = line.text
        if body is not None and text.strip() and _indent(text) <= body:
            body = None
        if body is not None and text.strip():
            inner = text[body + 4:] if text[body:body + 4] == "    " else text.lstrip()
            if titled and not inner.startswith(("|", "```", " ")):
                inner = inner if re.match(r"[-*•]\s|\d+[.)]\s", inner) else "- " + inner
                inner = "  " + inner
            text = text[:body] + inner
        opening = _ADMONITION.match(text)
        if opening and (opening.group("kind") or opening.group("title") is not None):
            body = _indent(text)
            kind, title = opening.group("kind") or "", (opening.group("title") or "").strip()
            title = title or (kind.capitalize() if kind.lower() in _SHOWN_KINDS else "")
            titled = bool(title)
            if title:
                out.append(Line(line.number, " " * body + title.rstrip(":") + ":", line.wraps))
            continue
        if "==" in text or "++" in text or "^^" in text:
            text = _MARKED.sub(lambda m: m.group(1) or m.group(2) or m.group(3), text)
        out.append(line.retext(text))
    return out


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _simple_tables(lines: Sequence[Line]) -> Sequence[Line]:
    """reStructuredText's simple tables as markdown tables: the rows between the first two "====  ====" borders
    are the header, those after it up to the last border the body; a body row with an empty first column goes
    on the row above. A table without a header keeps its rows as lines (its borders go)."""
    if not any(_SIMPLE_BORDER.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    k = 0
    while k < len(lines):
        if not _SIMPLE_BORDER.match(lines[k].text):
            out.append(lines[k])
            k += 1
            continue
        borders = [j for j in range(k, min(len(lines), k + 200)) if _SIMPLE_BORDER.match(lines[j].text)]
        end = next((j for a, j in zip(borders, borders[1:]) if j > a + 1 and any(
            not line.text.strip() for line in lines[a + 1:j])), borders[-1])   # a blank line ends a table
        inner = [j for j in borders if j <= end]
        starts = [m.start() for m in re.finditer(r"=+", lines[k].text)]
        if len(inner) >= 3 and inner[1] > k + 1:
            out += _simple_rows(lines[k + 1:inner[1]], lines[inner[1] + 1:end], starts)
        else:
            out += [line for line in lines[k + 1:end] if not _SIMPLE_BORDER.match(line.text)]
        k = end + 1
    return out


def _simple_rows(header: Sequence[Line], body: Sequence[Line], starts: Sequence[int]) -> list[Line]:
    """A simple table's header and body rows (cells cut at the border's column starts) as pipe rows."""
    def cells(text: str) -> list[str]:
        return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], max(len(text), starts[-1])])]

    heads = [cells(line.text) for line in header if line.text.strip()]
    names = [" ".join(filter(None, column)) for column in zip(*heads)]
    rows: list[tuple[Line, list[str]]] = []
    for line in body:
        if _SIMPLE_BORDER.match(line.text) or not line.text.strip():
            continue
        row = cells(line.text)
        if rows and not row[0]:
            rows[-1] = (rows[-1][0], [f"{a} {b}".strip() for a, b in zip(rows[-1][1], row)])
        else:
            rows.append((line, row))
    first = header[0].number
    return [Line(first, "| " + " | ".join(names) + " |"), Line(first, "|" + "---|" * len(names)),
            *(Line(line.number, "| " + " | ".join(row) + " |") for line, row in rows)]


def _underlined(title: str, underline: str) -> bool:
    """Whether `underline` ("=======") underlines `title` as reStructuredText and Markdown headings do."""
    words = title.strip()
    return bool(words) and not title.lstrip().startswith(("-", "*", "•")) and "|" not in words \
        and len(underline.strip()) >= len(words) - 2
