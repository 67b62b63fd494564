def extract_meta(lines, layout, sections):
    return {}
