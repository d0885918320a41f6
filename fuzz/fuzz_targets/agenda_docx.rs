//! Arbitrary bytes through the Word agenda importer, twice: as the file itself (the zip
//! reader and its caps), and as the `word/document.xml` of a valid archive (the XML reader,
//! the paragraph and cell caps, the table layout). Never a panic. Run with
//! `cargo +nightly fuzz run agenda_docx`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rapporteur::agenda::{import_bytes, Format};
use std::io::Write;

fn as_document_xml(xml: &[u8]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        if zip.start_file("word/document.xml", stored).is_ok() && zip.write_all(xml).is_ok() {
            let _ = zip.finish();
        }
    }
    out.into_inner()
}

fuzz_target!(|data: &[u8]| {
    let _ = import_bytes(data, Format::Docx, "fuzz.docx");
    let _ = import_bytes(&as_document_xml(data), Format::Docx, "fuzz.docx");
});
