//! Reading one line at a time from a buffered stream without ever holding
//! more than a caller-given number of bytes: a 2 GiB line in a JSONL file or a
//! binary blob where a WARC header was expected must not exhaust memory.

use std::io::{self, BufRead};

/// What one call to [`read_line_bounded`] found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// The stream ended before any byte of a new line.
    End,
    /// A line (without its `\n` or `\r\n`) of `consumed` bytes including the terminator.
    Complete { consumed: usize },
    /// The line was longer than the limit; it was skipped to its end and
    /// `buffer` holds nothing useful.
    TooLong { consumed: usize },
}

/// Reads the next line into `buffer` (cleared first), keeping at most `limit`
/// bytes; a longer line is consumed and discarded.
pub(crate) fn read_line_bounded<R: BufRead + ?Sized>(
    reader: &mut R,
    buffer: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Line> {
    buffer.clear();
    let mut consumed = 0usize;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            break;
        }
        let (chunk, found_newline) = match available.iter().position(|&byte| byte == b'\n') {
            Some(index) => (&available[..=index], true),
            None => (available, false),
        };
        let taken = chunk.len();
        if !too_long {
            if buffer.len() + taken > limit.saturating_add(1) {
                too_long = true;
                buffer.clear();
            } else {
                buffer.extend_from_slice(chunk);
            }
        }
        reader.consume(taken);
        consumed += taken;
        if found_newline {
            break;
        }
    }
    if consumed == 0 {
        return Ok(Line::End);
    }
    if too_long {
        return Ok(Line::TooLong { consumed });
    }
    if buffer.last() == Some(&b'\n') {
        buffer.pop();
        if buffer.last() == Some(&b'\r') {
            buffer.pop();
        }
    }
    Ok(Line::Complete { consumed })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lines_and_strips_terminators() {
        let mut reader = io::Cursor::new(b"one\r\ntwo\nthree".to_vec());
        let mut buffer = Vec::new();
        assert_eq!(
            read_line_bounded(&mut reader, &mut buffer, 100).unwrap(),
            Line::Complete { consumed: 5 }
        );
        assert_eq!(buffer, b"one");
        read_line_bounded(&mut reader, &mut buffer, 100).unwrap();
        assert_eq!(buffer, b"two");
        assert_eq!(
            read_line_bounded(&mut reader, &mut buffer, 100).unwrap(),
            Line::Complete { consumed: 5 }
        );
        assert_eq!(buffer, b"three");
        assert_eq!(
            read_line_bounded(&mut reader, &mut buffer, 100).unwrap(),
            Line::End
        );
    }

    #[test]
    fn skips_a_line_over_the_limit_and_goes_on() {
        let mut reader = io::BufReader::with_capacity(4, io::Cursor::new(b"0123456789\nok\n".to_vec()));
        let mut buffer = Vec::new();
        assert_eq!(
            read_line_bounded(&mut reader, &mut buffer, 5).unwrap(),
            Line::TooLong { consumed: 11 }
        );
        assert!(buffer.len() <= 6);
        read_line_bounded(&mut reader, &mut buffer, 5).unwrap();
        assert_eq!(buffer, b"ok");
    }
}
