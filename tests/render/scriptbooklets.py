"""Small test booklets in Arabic, Urdu, Bengali, Hindi and Punjabi: short patient-information sentences
about asking your nurse questions, each with a heading, a list, a table, a tip box, a contact panel and
a footnote, so every construct is drawn (and read back) in the script."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import MANIFEST, ORGANISATION, write_tree


def _booklet(tag: str, title: str, one: tuple[str, str, str, str, str, str, str, str],
             two: tuple[str, str, str, str, str]) -> dict[str, str]:
    """one: section title, paragraph, sub-heading, two list items, table head (two) and row is below;
    two: section title, paragraph, tip, footnote, and the table row."""
    s_title, paragraph, sub, item_a, item_b, head_a, head_b, row = one
    t_title, text, tip, footnote, row_b = two
    return {
        "_shared/organisation.yml": ORGANISATION + "country: IE\n",
        "demo/booklet.yml": MANIFEST.replace("language: en-IE", f"language: {tag}").replace("Understanding tests", title),
        "demo/one.md": (f"---\ntitle: {s_title}\n---\n\n{paragraph}\n\n## {sub}\n\n- {item_a}\n- {item_b}\n\n"
                        f"| {head_a} | {head_b} |\n|---|---|\n| {row} | {row_b} |\n"),
        "demo/two.md": (f"---\ntitle: {t_title}\n---\n\n::: contact helpline\n\n{text}[^1]\n\n"
                        f"::: tip\n{tip}\n:::\n\n[^1]: {footnote}\n"),
    }


BOOKLETS: dict[str, dict[str, str]] = {
    "ar": _booklet(
        "ar", "أسئلة لطاقم التمريض",
        ("اسأل الممرّضة", "يمكنك أن تسأل الممرّضة عن أي شيء لا تفهمه. اكتب أسئلتك قبل الموعد حتى لا تنساها.",
         "قبل الموعد", "اكتب أسماء أدويتك.", "أحضر معك شخصًا تثق به.", "الدواء", "متى تتناوله", "باراسيتامول"),
        ("بعد الموعد", "إذا شعرت بالقلق، فاتصل بنا في أي وقت.", "دوِّن ما قالته لك الممرّضة لتتذكّره لاحقًا.",
         "المكالمة مجانية.", "صباحًا ومساءً")),
    "ur": _booklet(
        "ur", "اپنی نرس سے سوال پوچھیں",
        ("سوال پوچھنا", "آپ اپنی نرس سے کوئی بھی بات پوچھ سکتے ہیں جو آپ کو سمجھ نہ آئے۔ ملاقات سے پہلے اپنے سوال"
         " لکھ لیں تاکہ آپ انہیں بھول نہ جائیں۔", "ملاقات سے پہلے", "اپنی دواؤں کے نام لکھ لیں۔",
         "کسی قابلِ اعتماد شخص کو ساتھ لائیں۔", "دوا", "کب لینی ہے", "پیراسیٹامول"),
        ("ملاقات کے بعد", "اگر آپ پریشان ہوں تو کسی بھی وقت ہمیں فون کریں۔", "نرس کی بتائی ہوئی باتیں لکھ لیں تاکہ بعد"
         " میں یاد رہیں۔", "یہ کال مفت ہے۔", "صبح اور شام")),
    "bn": _booklet(
        "bn", "আপনার নার্সকে প্রশ্ন করুন",
        ("প্রশ্ন করা", "যা বুঝতে পারছেন না, তা আপনার নার্সকে জিজ্ঞেস করতে পারেন। সাক্ষাতের আগে আপনার প্রশ্নগুলো"
         " লিখে রাখুন, যাতে ভুলে না যান।", "সাক্ষাতের আগে", "আপনার ওষুধের নাম লিখে রাখুন।",
         "বিশ্বাস করেন এমন কাউকে সঙ্গে আনুন।", "ওষুধ", "কখন খাবেন", "প্যারাসিটামল"),
        ("সাক্ষাতের পরে", "দুশ্চিন্তা হলে যেকোনো সময় আমাদের ফোন করুন।", "নার্স যা বললেন তা লিখে রাখুন, যাতে পরে"
         " মনে থাকে।", "এই কলের জন্য কোনো খরচ লাগে না।", "সকালে ও রাতে")),
    "hi": _booklet(
        "hi", "अपनी नर्स से सवाल पूछें",
        ("सवाल पूछना", "जो बात आपको समझ में न आए, वह आप अपनी नर्स से पूछ सकते हैं। मुलाक़ात से पहले अपने सवाल"
         " लिख लें, ताकि आप उन्हें भूलें नहीं।", "मुलाक़ात से पहले", "अपनी दवाओं के नाम लिख लें।",
         "किसी भरोसेमंद व्यक्ति को साथ लाएँ।", "दवा", "कब लेनी है", "पैरासिटामोल"),
        ("मुलाक़ात के बाद", "अगर आपको चिंता हो, तो किसी भी समय हमें फ़ोन करें।", "नर्स ने जो बताया, उसे लिख लें ताकि"
         " बाद में याद रहे।", "यह कॉल मुफ़्त है।", "सुबह और शाम")),
    "pa": _booklet(
        "pa", "ਆਪਣੀ ਨਰਸ ਨੂੰ ਸਵਾਲ ਪੁੱਛੋ",
        ("ਸਵਾਲ ਪੁੱਛਣਾ", "ਜੋ ਗੱਲ ਤੁਹਾਨੂੰ ਸਮਝ ਨਾ ਆਵੇ, ਉਹ ਤੁਸੀਂ ਆਪਣੀ ਨਰਸ ਤੋਂ ਪੁੱਛ ਸਕਦੇ ਹੋ। ਮੁਲਾਕਾਤ ਤੋਂ ਪਹਿਲਾਂ ਆਪਣੇ"
         " ਸਵਾਲ ਲਿਖ ਲਓ, ਤਾਂ ਜੋ ਤੁਸੀਂ ਉਨ੍ਹਾਂ ਨੂੰ ਭੁੱਲ ਨਾ ਜਾਓ।", "ਮੁਲਾਕਾਤ ਤੋਂ ਪਹਿਲਾਂ", "ਆਪਣੀਆਂ ਦਵਾਈਆਂ ਦੇ ਨਾਮ ਲਿਖ ਲਓ।",
         "ਕਿਸੇ ਭਰੋਸੇਯੋਗ ਵਿਅਕਤੀ ਨੂੰ ਨਾਲ ਲਿਆਓ।", "ਦਵਾਈ", "ਕਦੋਂ ਲੈਣੀ ਹੈ", "ਪੈਰਾਸੀਟਾਮੋਲ"),
        ("ਮੁਲਾਕਾਤ ਤੋਂ ਬਾਅਦ", "ਜੇ ਤੁਹਾਨੂੰ ਚਿੰਤਾ ਹੋਵੇ, ਤਾਂ ਕਿਸੇ ਵੀ ਸਮੇਂ ਸਾਨੂੰ ਫ਼ੋਨ ਕਰੋ।", "ਨਰਸ ਨੇ ਜੋ ਦੱਸਿਆ, ਉਸ ਨੂੰ ਲਿਖ ਲਓ"
         " ਤਾਂ ਜੋ ਬਾਅਦ ਵਿੱਚ ਯਾਦ ਰਹੇ।", "ਇਹ ਕਾਲ ਮੁਫ਼ਤ ਹੈ।", "ਸਵੇਰੇ ਅਤੇ ਸ਼ਾਮ")),
}


def write_booklet(root: Path, tag: str) -> Path:
    """The booklet's sources under `root` (a sources tree with one booklet, `demo`)."""
    return write_tree(root, BOOKLETS[tag])


def sentences(tag: str) -> list[str]:
    """The booklet's own sentences (its Markdown's text lines, marks removed), to find in the text layer."""
    found = []
    for name in ("demo/one.md", "demo/two.md"):
        for line in BOOKLETS[tag][name].split("---\n")[-1].splitlines():
            if line.startswith(("[^", ":::")):
                continue
            line = line.strip().lstrip("#-| ").replace("[^1]", "")
            if line and set(line) - set("|-"):
                found += [cell.strip() for cell in line.split("|") if cell.strip()]
        found.append(BOOKLETS[tag][name].split("title: ")[1].split("\n")[0])
    found.append(BOOKLETS[tag]["demo/two.md"].split("[^1]: ")[1].strip())
    return found
