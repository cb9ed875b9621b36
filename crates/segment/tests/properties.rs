//! Segmentation never panics, and every span slices the original text.

use dyad_segment::segment;
use proptest::prelude::*;

fn check(text: &str) {
    let seg = segment(text);
    let mut last_end = 0;
    for t in &seg.tokens {
        assert!(t.span.start < t.span.end, "empty token");
        assert!(t.span.start as usize >= last_end, "tokens overlap or go backwards");
        assert!(text.is_char_boundary(t.span.start as usize));
        assert!(text.is_char_boundary(t.span.end as usize));
        let _ = t.span.slice(text);
        last_end = t.span.end as usize;
    }
    for s in &seg.sentences {
        let slice = s.span.slice(text);
        let toks = seg.sentence_tokens(s);
        assert!(!toks.is_empty());
        assert_eq!(toks[0].span.start, s.span.start);
        assert_eq!(toks[toks.len() - 1].span.end, s.span.end);
        assert!(slice.len() == s.span.len());
        let para = &seg.paragraphs[s.paragraph as usize];
        assert!(para.span.start <= s.span.start && s.span.end <= para.span.end);
    }
    for d in &seg.datelines {
        let _ = d.slice(text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        check(&text);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn news_like_text_never_panics(text in "([A-Z][a-z]{0,8}|U\\.S\\.|Gen\\.|[0-9]{1,4}|[.,;:!?\"'()\\- \n]|\u{2019}|\u{201C}|\u{201D}|\u{2014}|\u{AD}|\u{200B}|\u{A0}|\\.\\.\\.){0,80}") {
        check(&text);
    }
}
