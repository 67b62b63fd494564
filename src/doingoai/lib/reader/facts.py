def extract_facts(lines, layout, sections, meta):
    return []
