"""Write generated sources trees for the benchmarks: booklets of about 12, 48, 200 and 500 A5 pages.

    python -m benchmarks.generate OUT_DIR [--sizes 12,48,200,500] [--check]

OUT_DIR becomes a sources root like `sources/`: `_shared/organisation.yml`, `_shared/snippets/*.md`
and one booklet folder per size, `bench-12/`, `bench-48/`, ... Each booklet follows the structure of the
sample (`sources/metastatic-breast-cancer/booklet.yml`) and uses every feature of the format: `##` and
`###` headings, bullet and numbered lists, tables with a header row, figures (PNGs drawn with Pillow at
300 ppi or more when printed, and an SVG), decorative pictures, `::: contact` panels, `::: note`, `tip`
and `warning` boxes, shared snippets (inline and as a section), footnotes, web links and `booklet:` links.

The text is made up from word lists with a fixed random seed, so the same command writes the same
files every time. The amount of text per size is tuned so that the download PDF lands near the target
page count; `--check` builds the download variant of each booklet and prints its page count.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

SIZES = (12, 48, 200, 500)
SEED = 5                            # issue 5
MARKER = ".benchmark-sources"       # a folder holding this file may be overwritten by the generator
PROJECT = Path(__file__).resolve().parent.parent

# Tuned by building the download variant (see `--check`): the pages that do not grow with the text
# (cover, contents, related, credits, back cover) and the generated "chunks" (a `##` heading, a few
# paragraphs and one list, table, box, figure or panel) per page of A5.
FIXED_PAGES = 9.5
CHUNKS_PER_PAGE = 0.975


def slug_for(size: int) -> str:
    return f"bench-{size}"


# --- Word lists: plain English about living with an illness. Sentences are assembled from these. ---

PEOPLE = ["your specialist team", "your nurse", "your family doctor", "your pharmacist", "a dietitian",
          "your physiotherapist", "the hospital team", "a social worker", "our Support Line nurses",
          "your consultant", "an occupational therapist", "a counsellor", "the ward staff",
          "a psychologist", "the palliative care team", "your key worker"]
OTHERS = ["Many people", "Some people", "Most people", "A few people", "People who live alone",
          "Older people", "Younger people", "Carers", "Family members", "Partners"]
HELP_VERBS = ["can explain", "may suggest", "can talk to you about", "can help you with", "can give you advice on",
              "will check", "can tell you more about", "may arrange", "can answer questions about",
              "will go through", "can make a plan for", "can look at"]
THINGS = ["your treatment plan", "side effects", "tiredness", "eating well", "the results of your scan",
          "pain relief", "sleep problems", "changes in your skin", "your blood tests", "going back to work",
          "travel insurance", "your medicines", "mouth care", "staying active", "money worries", "feeling low",
          "the next steps", "a second opinion", "clinical trials", "help at home", "breathing problems",
          "a sore mouth", "hair loss", "feeling sick", "constipation", "your appetite", "swollen ankles",
          "memory and concentration", "driving", "sex and relationships", "talking to children",
          "your weight", "hot flushes", "numb fingers and toes", "your bones", "infections",
          "getting to hospital", "benefits and grants", "your emotions", "planning ahead"]
TAILS = ["", "", "", " before you start treatment", " at your next appointment", " if you feel unwell",
         " at any time", " during the day", " in the weeks after treatment", " when you feel ready",
         " over the phone", " at the clinic", " between appointments", " while you are in hospital",
         " once treatment ends", " if things change"]
FEELINGS = ["worried", "tired", "angry", "low", "anxious", "alone", "relieved", "confused", "numb", "upset",
            "hopeful", "frightened", "overwhelmed"]
TIMES = ["after a diagnosis", "during treatment", "at the start", "when treatment ends", "for a while",
         "at night", "before a scan", "while you wait for results", "on some days", "now and then"]
ACTIONS = ["rest when you need to", "drink plenty of water", "eat small meals often", "go for a short walk",
           "keep a diary of how you feel", "write down your questions", "ask for help",
           "take your medicines on time", "wash your hands often", "use a soft toothbrush",
           "keep your skin clean and dry", "plan your day around your energy", "talk to someone you trust",
           "wear loose, comfortable clothes", "check your temperature", "bring a list of your medicines",
           "keep your phone charged", "say yes when people offer to help", "take things one day at a time",
           "stretch gently each morning", "get some fresh air", "keep a bag packed for hospital visits",
           "let your team know about any new symptom", "make a list of people you can call"]
ADVERBS = ["Often", "Sometimes", "Usually", "In most cases", "For some people", "At first", "Later on",
           "Over time", "Now and then", "Each week"]
REASONS = ["it can make a real difference", "it helps your team plan your care", "it can ease the strain",
           "small changes add up", "it is easier to remember", "your body needs time to recover",
           "it keeps you safe", "it can stop a problem getting worse", "everyone is different"]
TOPICS = ["Tiredness and fatigue", "Eating well", "Managing pain", "Sleep", "Staying active",
          "Money and work", "Talking to children", "Scans and tests", "Side effects of treatment",
          "Clinical trials", "Complementary therapies", "Caring for someone", "Your feelings",
          "Going home from hospital", "Travel and holidays", "Relationships and sex", "Your mouth and teeth",
          "Your skin and nails", "Breathing difficulties", "Feeling sick", "Hair loss", "Infections",
          "Planning ahead", "Getting support", "Your medicines", "Bones and joints", "Memory and thinking",
          "Going back to work", "Benefits and grants", "Living alone", "Spirituality and faith",
          "After treatment", "Follow-up care", "Exercise", "Weight changes", "Body image"]
ASPECTS = ["", "", "what to expect", "at home", "in hospital", "for families", "questions people ask",
           "practical tips", "when to get help", "day to day", "in the longer term", "first steps"]
HEADINGS = ["What to expect", "Before you start", "Things that may help", "When to get help",
            "Questions to ask", "Looking after yourself", "Getting support", "At home", "After treatment",
            "Why it happens", "How long it lasts", "What you can do", "What your team can do",
            "Talking about it", "Planning your week", "If you are a carer", "Keeping a record",
            "Help with costs", "What the tests show", "Common worries", "Small changes that help",
            "Getting a good night's sleep", "Food and drink", "Moving more", "Your rights at work"]
SUBHEADINGS = ["At the hospital", "In the first week", "For family and friends", "If you live alone",
               "At night", "When you are out", "Before your appointment", "On a bad day", "At work",
               "With children", "Over the longer term", "If things change"]
BOX_KINDS = ["note", "tip", "warning"]
TERMS = [("Anaemia", "when you have too few red blood cells, which can make you tired and breathless"),
         ("Biopsy", "taking a small sample of tissue to look at under a microscope"),
         ("Chemotherapy", "treatment with drugs that kill cancer cells or stop them growing"),
         ("Diagnosis", "when your doctors find out what illness you have"),
         ("Fatigue", "tiredness that does not go away with rest"),
         ("Hormone therapy", "treatment that blocks the hormones some cancers need to grow"),
         ("Immunotherapy", "treatment that helps your own immune system attack cancer cells"),
         ("Lymph nodes", "small, bean-shaped glands along the tubes of the lymphatic system"),
         ("Nausea", "feeling sick, as if you might vomit"),
         ("Neutropenia", "when you have too few of the white blood cells that fight infection"),
         ("Oncologist", "a doctor who specialises in treating cancer"),
         ("Palliative care", "care that eases symptoms and supports you and your family"),
         ("Prognosis", "what is likely to happen in the future"),
         ("Radiotherapy", "treatment that uses high-energy rays to destroy cancer cells"),
         ("Scan", "a test that takes pictures of the inside of your body"),
         ("Side effect", "an unwanted effect of a treatment"),
         ("Steroids", "drugs that reduce swelling and can help you feel less sick"),
         ("Symptom", "a change in how your body feels or works, caused by an illness"),
         ("Targeted therapy", "treatment with drugs that attack one feature of the cancer cells"),
         ("Tumour", "a lump or growth of cells")]
TABLES = [("Time", "What happens", ["Morning", "Midday", "Afternoon", "Evening", "Night", "Weekend"]),
          ("Side effect", "What may help", ["Tiredness", "Feeling sick", "Sore mouth", "Dry skin", "Diarrhoea",
                                            "Poor appetite", "Hot flushes"]),
          ("Week", "What to do", ["Week 1", "Week 2", "Week 3", "Week 4", "Week 5", "Week 6"]),
          ("Who", "How they can help", ["Nurse", "Dietitian", "Pharmacist", "Social worker", "Physiotherapist",
                                        "Counsellor"])]


def cap(text: str) -> str:
    return text[0].upper() + text[1:]


class Writer:
    """Plain-English text from the word lists, drawn with one seeded random generator."""

    def __init__(self, rng: random.Random, other_slugs: list[str]):
        self.rng, self.other_slugs, self.footnotes = rng, other_slugs, 0

    def pick(self, items):
        return self.rng.choice(items)

    def sentence(self) -> str:
        r = self.rng.randrange(11)
        if r == 0:
            return f"{self.pick(ADVERBS)}, {self.pick(PEOPLE)} {self.pick(HELP_VERBS)} {self.pick(THINGS)}{self.pick(TAILS)}."
        if r == 1:
            return f"It is normal to feel {self.pick(FEELINGS)} {self.pick(TIMES)}."
        if r == 2:
            return f"If you notice changes in {self.pick(THINGS)}, tell {self.pick(PEOPLE)}{self.pick(TAILS)}."
        if r == 3:
            return f"Try to {self.pick(ACTIONS)}, because {self.pick(REASONS)}."
        if r == 4:
            return f"{self.pick(OTHERS)} find it hard to talk about {self.pick(THINGS)}."
        if r == 5:
            return f"You do not have to deal with {self.pick(THINGS)} on your own."
        if r == 6:
            person = self.pick(PEOPLE)
            return f"Ask {person} about {self.pick(THINGS)}. {cap(person)} {self.pick(HELP_VERBS)} it."
        if r == 7:
            return f"{self.pick(OTHERS)} say it helps to {self.pick(ACTIONS)}."
        if r == 8:
            return f"There is no right or wrong way to feel {self.pick(TIMES)}."
        if r == 9:
            return f"{cap(self.pick(PEOPLE))} {self.pick(HELP_VERBS)} {self.pick(THINGS)}."
        return f"{self.pick(ADVERBS)}, it helps to {self.pick(ACTIONS)}{self.pick(TAILS)}."

    def paragraph(self, low: int = 3, high: int = 5) -> str:
        sentences = [self.sentence() for _ in range(self.rng.randint(low, high))]
        r = self.rng.random()
        if r < 0.06:
            topic = self.pick(TOPICS).lower()
            sentences.append(f"You can read more about {topic} on"
                             f" [our website](https://www.cancer.ie/{topic.replace(' ', '-')}).")
        elif r < 0.09 and self.other_slugs:
            sentences.append(f"Our [booklet on this]({'booklet:' + self.pick(self.other_slugs)}) has more detail.")
        elif r < 0.11:
            self.footnotes += 1
            sentences[-1] = sentences[-1][:-1] + f".[^n{self.footnotes}]"
            return " ".join(sentences) + f"\n\n[^n{self.footnotes}]: {self.sentence()}"
        return " ".join(sentences)

    def bullets(self) -> str:
        items = self.rng.sample(ACTIONS, self.rng.randint(3, 6))
        return f"{self.sentence()[:-1]}. You could:\n\n" + "\n".join(f"- {item}" for item in items)

    def steps(self) -> str:
        items = self.rng.sample(ACTIONS, self.rng.randint(3, 5))
        return "Some steps that may help:\n\n" + "\n".join(f"{n}. {cap(item)}."
                                                           for n, item in enumerate(items, 1))

    def table(self) -> str:
        first, second, rows = self.pick(TABLES)
        chosen = rows[:self.rng.randint(3, len(rows))]
        lines = [f"| {first} | {second} |", "|---|---|"]
        lines += [f"| {row} | {cap(self.pick(ACTIONS))} |" for row in chosen]
        return f"{self.sentence()}\n\n" + "\n".join(lines)

    def box(self) -> str:
        kind = self.pick(BOX_KINDS)
        label = " Check with your team" if kind == "warning" and self.rng.random() < 0.5 else ""
        return f"::: {kind}{label}\n{self.paragraph(2, 3)}\n:::"

    def figure(self, images: list[tuple[str, str, str]]) -> str:
        name, alt, caption = self.pick(images)
        return f'![{alt}](images/{name} "{caption}"){{credit="Drawing: benchmark generator"}}'

    def subsection(self) -> str:
        return f"### {self.pick(SUBHEADINGS)}\n\n{self.paragraph()}\n\n{self.paragraph(2, 4)}"

    def contact(self, contact_ids: list[str]) -> str:
        return f"{self.sentence()}\n\n::: contact {self.pick(contact_ids)}"


EXTRAS = ["bullets", "table", "box", "figure", "subsection", "contact", "steps", "bullets", "box", "subsection",
          "snippet", "decorative"]


def chunk(w: Writer, kind: str, images, contact_ids, snippet_ids) -> str:
    """A `##` heading, some paragraphs and one other element."""
    parts = [f"## {w.pick(HEADINGS)}", w.paragraph(), w.paragraph(2, 4)]
    if kind == "snippet":
        parts.append(f"::: snippet {w.pick(snippet_ids)}")
    elif kind == "decorative":
        parts.append("![](images/divider.png){decorative}")
    elif kind == "figure":
        parts.append(w.figure(images))
    elif kind == "contact":
        parts.append(w.contact(contact_ids))
    else:
        parts.append(getattr(w, kind)())
    parts.append(w.paragraph(2, 4))
    return "\n\n".join(parts)


def write_booklet(root: Path, size: int, images, contact_ids, snippet_ids, other_slugs) -> Path:
    rng = random.Random(SEED * 100_000 + size)
    w = Writer(rng, other_slugs)
    folder = root / slug_for(size)
    (folder / "images").mkdir(parents=True)
    for path in (root / "_shared" / ".images").iterdir():
        shutil.copy(path, folder / "images" / path.name)

    chunks = max(2, round((size - FIXED_PAGES) * CHUNKS_PER_PAGE))
    sections = max(2, round(size / 9))
    per_section = [chunks // sections + (1 if i < chunks % sections else 0) for i in range(sections)]
    titles, seen = [], set()
    while len(titles) < sections:
        topic, aspect = w.pick(TOPICS), w.pick(ASPECTS)
        title = f"{topic}: {aspect}" if aspect else topic
        if title not in seen:
            seen.add(title)
            titles.append((title, topic if aspect else None))

    names = []
    extras = ["box", "table", "figure"]     # popped from the end: every booklet, even the smallest, has these
    for number, ((title, short), count) in enumerate(zip(titles, per_section), 1):
        body = [w.paragraph()]
        for _ in range(count):
            if not extras:
                extras = EXTRAS[:]
                rng.shuffle(extras)
            body.append(chunk(w, extras.pop(), images, contact_ids, snippet_ids))
        name = f"{number:03d}-{title.split(':')[0].lower().replace(' ', '-')}.md"
        front = f"---\ntitle: {json.dumps(title)}\n" + (f"short_title: {json.dumps(short)}\n" if short else "") + "---\n"
        (folder / name).write_text(front + "\n" + "\n\n".join(body) + "\n", encoding="utf-8")
        names.append(name)

    terms = rng.sample(TERMS, min(len(TERMS), 8 + size // 25))
    glossary = "\n".join(f"- **{term}:** {meaning}." for term, meaning in sorted(terms))
    (folder / "words.md").write_text("---\ntitle: Words you may hear\n---\n\nHere are some of the words in this"
                                     f" booklet and what they mean.\n\n{glossary}\n", encoding="utf-8")

    sections_yaml = "\n".join(f"  - {name}" for name in names[:1])
    sections_yaml += "\n  - snippet: inclusive-language\n    title: The words we use\n"
    sections_yaml += "\n".join(f"  - {name}" for name in names[1:]) + "\n  - words.md"
    related = "\n".join(f"  - slug: {slug}" for slug in other_slugs[:2])
    manifest = f"""\
title: Living well with a long-term illness ({size}-page benchmark)
subtitle: Information for people having treatment, and for their families
language: en-IE
reference: BENCH-{size:03d}
status: draft
published: 2026-11
based_on: Living Well With a Long-Term Illness (2023)
review:
  reviewed: 2026-10-01
  reviewers:
    - role: Consultant Medical Oncologist
    - role: Clinical Nurse Specialist
    - role: Senior Dietitian
evidence: The references we used for this booklet are available on request through our Support Line or our website.
contacts: [support-line, daffodil-centres]
online: https://www.cancer.ie/booklets/{slug_for(size)}
numbered: true
sections:
{sections_yaml}
related:
{related}
  - title: Coping with fatigue
    url: https://www.cancer.ie/coping-with-fatigue
  - title: Diet and cancer
"""
    (folder / "booklet.yml").write_text(manifest, encoding="utf-8")
    return folder


ORGANISATION = """\
name: Irish Cancer Society
website: https://www.cancer.ie
country: IE
feedback:
  text: Tell us what you think of this booklet by calling our Support Line or through our website.
  url: https://www.cancer.ie/feedback
  email: feedback@example.org
contacts:
  support-line:
    title: Support Line
    phone: 1800 200 700
    phone_note: Freephone
    hours: Monday to Friday, 9am to 5pm
    text: Talk to a cancer nurse in confidence. Our Support Line nurses can also tell you about counselling and other services.
  daffodil-centres:
    title: Daffodil Centres
    text: Daffodil Centres are information centres inside hospitals. You can talk to a cancer nurse there.
    website: https://www.cancer.ie/daffodil-centres
  volunteer-driving:
    title: Volunteer driving service
    phone: (01) 231 0500
    hours: Monday to Friday, 9am to 5pm
    text: Our volunteer drivers can take you to and from your chemotherapy appointments.
  night-nursing:
    title: Night nursing
    email: nightnursing@example.org
    text: Free end-of-life care at home, so your family can get some rest.
  counselling:
    title: Free counselling
    phone: 1800 200 700
    address: 43/45 Northumberland Road, Dublin 4
    website: https://www.cancer.ie/counselling
    text: Up to eight free sessions with a trained counsellor, in person or by phone.
"""

SNIPPETS = {
    "inclusive-language": "In this booklet we use the word ‘you’ for the person with the illness. Some of it is"
                          " written for partners, family and friends too. We hope the information here is useful to"
                          " everyone who reads it.\n",
    "ask-your-team": "Your specialist team knows about your own illness and treatment. They are the best people to"
                     " answer your questions. If something is not clear, ask them to explain it again.\n\n"
                     "- write your questions down before you go\n- bring someone with you if you can\n"
                     "- ask for a phone number to call between visits\n",
    "call-us": "If you would like to talk to someone, call our Support Line. The call is free.\n\n"
               "::: contact support-line\n",
}


def draw_images(target: Path) -> list[tuple[str, str, str]]:
    """A few pictures: bar and line charts and a diagram as PNG (1,600 px wide: 339 ppi at the full
    120 mm text width of A5), a small decorative PNG, and an SVG. Returns (file, alt, caption)."""
    from PIL import Image, ImageDraw

    target.mkdir(parents=True)
    rng = random.Random(SEED)
    made = []
    palette = [(176, 0, 90), (0, 94, 120), (230, 140, 0), (70, 130, 60)]

    def save(image, name):
        image.save(target / name, dpi=(300, 300), optimize=True)

    for n in range(3):
        image = Image.new("RGB", (1600, 1000), "white")
        draw = ImageDraw.Draw(image)
        draw.line([(120, 60), (120, 900), (1540, 900)], fill=(40, 40, 40), width=6)
        if n == 1:
            points = [(160 + i * 130, 850 - rng.randint(100, 750)) for i in range(11)]
            draw.line(points, fill=palette[1], width=14, joint="curve")
            for x, y in points:
                draw.ellipse([x - 18, y - 18, x + 18, y + 18], fill=palette[0])
        else:
            for i in range(8):
                height = rng.randint(150, 800)
                draw.rectangle([170 + i * 170, 900 - height, 290 + i * 170, 895], fill=palette[(i + n) % 4])
        save(image, f"chart-{n + 1}.png")
    made += [("chart-1.png", "Bar chart of how many people reported each side effect in a week",
              "Side effects people reported"),
             ("chart-2.png", "Line chart of energy levels rising and falling over eleven days",
              "How energy can change from day to day"),
             ("chart-3.png", "Bar chart comparing hours of sleep over eight nights", "Sleep over a week")]

    image = Image.new("RGB", (1600, 900), "white")
    draw = ImageDraw.Draw(image)
    for i, colour in enumerate(palette):
        x = 80 + i * 380
        draw.rounded_rectangle([x, 300, x + 300, 600], radius=40, fill=colour)
        if i < 3:
            draw.polygon([(x + 310, 430), (x + 370, 450), (x + 310, 470)], fill=(40, 40, 40))
    save(image, "steps.png")
    made.append(("steps.png", "Four coloured boxes joined by arrows, one for each step of a treatment plan",
                 "The steps of a treatment plan"))

    image = Image.new("RGB", (1600, 80), "white")
    ImageDraw.Draw(image).rectangle([0, 32, 1600, 48], fill=palette[0])
    save(image, "divider.png")

    circles = "".join(f'<circle cx="{60 + 80 * i}" cy="{200 - 15 * i}" r="{20 + 5 * i}" fill="#{c}"/>'
                      for i, c in enumerate(["B0005A", "005E78", "E68C00", "46823C", "B0005A", "005E78"]))
    (target / "week.svg").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"'
        ' viewBox="0 0 600 300" role="img"><title>A week of appointments</title>'
        '<rect width="600" height="300" fill="#FFFFFF"/>'
        '<line x1="20" y1="260" x2="580" y2="260" stroke="#333333" stroke-width="3"/>'
        f'{circles}<g font-family="Atkinson Hyperlegible, sans-serif" font-size="22" fill="#1A1A1A">'
        + "".join(f'<text x="{60 + 80 * i}" y="290" text-anchor="middle">{d}</text>'
                  for i, d in enumerate(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]))
        + "</g></svg>\n", encoding="utf-8")
    made.append(("week.svg", "Six circles of growing size over the days Monday to Saturday",
                 "A week of appointments"))
    return made


def generate(out: Path, sizes=SIZES) -> dict[int, Path]:
    """Write a sources root at `out` holding one booklet per size; returns each size's booklet folder."""
    out = Path(out).resolve()
    if out.is_relative_to(PROJECT / "sources"):
        raise SystemExit(f"refusing to generate into {out}: benchmarks never write into sources/")
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            raise SystemExit(f"{out} is not empty and was not made by this generator; choose another folder")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("Generated by `python -m benchmarks.generate`; safe to delete.\n")
    shared = out / "_shared"
    (shared / "snippets").mkdir(parents=True)
    (shared / "organisation.yml").write_text(ORGANISATION, encoding="utf-8")
    for name, text in SNIPPETS.items():
        (shared / "snippets" / f"{name}.md").write_text(text, encoding="utf-8")
    images = [i for i in draw_images(shared / ".images")]
    contact_ids = ["support-line", "daffodil-centres", "volunteer-driving", "night-nursing", "counselling"]
    snippet_ids = ["ask-your-team", "call-us"]
    slugs = [slug_for(s) for s in sizes]
    folders = {}
    for size in sizes:
        others = [s for s in slugs if s != slug_for(size)]
        folders[size] = write_booklet(out, size, images, contact_ids, snippet_ids, others)
    shutil.rmtree(shared / ".images")   # each booklet keeps its own copy in images/
    return folders


def check(root: Path, folders: dict[int, Path]) -> None:
    """Build each booklet's download variant and print its page count against the target."""
    import tempfile

    from booklet.build import BuildRequest, build

    with tempfile.TemporaryDirectory() as output:
        for size, folder in folders.items():
            result = build(BuildRequest(root=root, output=Path(output), folders=(folder,), variants=("download",)))
            pages = result.built[0].pages
            print(f"{folder.name}: {pages} pages (target {size}, {pages / size - 1:+.0%})"
                  f", {len(result.warnings)} warnings", flush=True)
            for warning in result.warnings[:5]:
                print(f"  {warning.path}:{warning.line}: {warning.severity}: {warning.message}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the sources root to write (emptied first if made by this tool)")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="target page counts, comma-separated (default %(default)s)")
    parser.add_argument("--check", action="store_true", help="build the download variants and print page counts")
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(","))
    folders = generate(args.out, sizes)
    for size, folder in folders.items():
        print(f"wrote {folder} (about {size} pages)")
    if args.check:
        check(args.out.resolve(), folders)


if __name__ == "__main__":
    sys.exit(main())
