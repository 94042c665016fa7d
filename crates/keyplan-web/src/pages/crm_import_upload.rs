//! Reading the *Import from CRM* page's upload: a `multipart/form-data` body
//! with one file part (`file`) and a few short text parts. Only what that
//! form sends is understood; anything else is refused.

/// The parts of the upload form.
#[derive(Debug, Default, PartialEq)]
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// Short text fields (`kind`, `preset`), by name.
    pub fields: Vec<(String, String)>,
}

/// The boundary of a `multipart/form-data` content type.
pub fn boundary(content_type: &str) -> Option<String> {
    let (mime, params) = content_type.split_once(';')?;
    if !mime.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("boundary").then(|| v.trim().trim_matches('"').to_string())
    })
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| i + from)
}

/// A header parameter (`name="file"`) of a part's Content-Disposition.
fn param(disposition: &str, key: &str) -> Option<String> {
    disposition.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case(key).then(|| v.trim().trim_matches('"').to_string())
    })
}

/// Splits the body into its parts; `None` when it is not a well-formed form.
pub fn parse(body: &[u8], boundary: &str) -> Option<Upload> {
    if boundary.is_empty() || boundary.len() > 200 {
        return None;
    }
    let delimiter = format!("--{boundary}").into_bytes();
    let mut upload = Upload::default();
    let mut at = find(body, &delimiter, 0)? + delimiter.len();
    loop {
        if body.get(at..at + 2)? == b"--" {
            return Some(upload);
        }
        at += 2; // CRLF after the delimiter
        let head_end = find(body, b"\r\n\r\n", at)?;
        let head = std::str::from_utf8(&body[at..head_end]).ok()?;
        let content_start = head_end + 4;
        let mut next_delimiter = b"\r\n".to_vec();
        next_delimiter.extend_from_slice(&delimiter);
        let content_end = find(body, &next_delimiter, content_start)?;
        let content = &body[content_start..content_end];
        let disposition = head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case("content-disposition").then(|| v.trim().to_string())
        })?;
        let name = param(&disposition, "name")?;
        match param(&disposition, "filename") {
            Some(file_name) if name == "file" => {
                upload.file_name = file_name.chars().filter(|c| !c.is_control()).take(200).collect();
                upload.bytes = content.to_vec();
            }
            _ if content.len() <= 1000 => upload.fields.push((name, String::from_utf8_lossy(content).into_owned())),
            _ => return None,
        }
        at = content_end + next_delimiter.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_upload_form() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\ncontacts\r\n--XyZ\r\n\
Content-Disposition: form-data; name=\"file\"; filename=\"export.csv\"\r\nContent-Type: text/csv\r\n\r\nId,Name\r\n1,A\r\n--XyZ--\r\n";
        let b = boundary("multipart/form-data; boundary=XyZ").unwrap();
        let u = parse(body, &b).unwrap();
        assert_eq!(u.file_name, "export.csv");
        assert_eq!(u.bytes, b"Id,Name\r\n1,A");
        assert_eq!(u.fields, [("kind".to_string(), "contacts".to_string())]);
        assert_eq!(boundary("application/x-www-form-urlencoded"), None);
        assert_eq!(parse(b"--XyZ\r\ngarbage", "XyZ"), None);
    }
}
