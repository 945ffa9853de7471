//! `jalon remind`: the text and the `.eml` files, checked against what the test
//! computes from the jalon/1 export of the same database (not the program's
//! queries); the mails parsed here (headers unfolded, encoded words and
//! quoted-printable decoded); header injection; the sender; read-only.

mod cli_support;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use cli_support::*;
use serde_json::Value;

/// One reminded item as the test sees it: `PLAN/ACTION`, its due day, and whether
/// it is a milestone.
type Item = (String, NaiveDate, bool);

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Per email: what the document says is overdue or due within `within` days, for
/// every pilot person (of `territory` only, when given), sorted by due day.
fn expected(doc: &Value, within: u64, territory: Option<&str>) -> BTreeMap<String, Vec<Item>> {
    let today = day(TODAY);
    let limit = today + chrono::Days::new(within);
    let email: BTreeMap<&str, &str> = doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| Some((p["code"].as_str()?, p["email"].as_str()?)))
        .collect();
    let mut out: BTreeMap<String, Vec<Item>> = BTreeMap::new();
    for plan in doc["plans"].as_array().unwrap() {
        if territory.is_some_and(|t| plan["territory"].as_str() != Some(t)) {
            continue;
        }
        for a in plan["actions"].as_array().unwrap() {
            let open = matches!(
                a["status"].as_str(),
                Some("todo" | "in_progress" | "on_hold")
            );
            let Some(person) = a["pilot"]["person"].as_str() else {
                continue;
            };
            if !open {
                continue;
            }
            let target = format!(
                "{}/{}",
                plan["code"].as_str().unwrap(),
                a["code"].as_str().unwrap()
            );
            let who = email[person].to_string();
            if let Some(due) = a["due"].as_str().map(day)
                && due <= limit
            {
                out.entry(who.clone())
                    .or_default()
                    .push((target.clone(), due, false));
            }
            for m in a["milestones"].as_array().into_iter().flatten() {
                let due = day(m["due"].as_str().unwrap());
                if m["done_on"].is_null() && due <= limit {
                    out.entry(who.clone())
                        .or_default()
                        .push((target.clone(), due, true));
                }
            }
        }
    }
    for items in out.values_mut() {
        items.sort();
    }
    out
}

/// The demo, with its export as the test's own record of it.
fn demo() -> (Db, Value) {
    let db = demo_db();
    let text = stdout(jalon(&db).args(["export", "--format", "json"]));
    (db, serde_json::from_str(&text).unwrap())
}

/// The text output read back: per email (the block's heading), the items listed.
/// The order of each block's items is kept.
fn read_text(text: &str) -> BTreeMap<String, Vec<Item>> {
    let mut out: BTreeMap<String, Vec<Item>> = BTreeMap::new();
    let mut who = String::new();
    let mut pending: Option<(String, bool)> = None;
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("══ ") {
            let open = h.find('<');
            let close = h.find('>');
            who = match (open, close) {
                (Some(o), Some(c)) => h[o + 1..c].to_string(),
                _ => format!("(none) {h}"),
            };
            out.entry(who.clone()).or_default();
        } else if let Some(rest) = line.strip_prefix("- ") {
            if let Some((target, what)) = rest.split_once(" — ") {
                pending = Some((target.to_string(), what.starts_with('◆')));
            }
        } else if let Some(rest) = line.strip_prefix("  due ") {
            let (target, milestone) = pending.take().expect("an item line before its due line");
            let due = day(&rest[..10]);
            out.get_mut(&who).unwrap().push((target, due, milestone));
        }
    }
    out
}

fn sorted(mut m: BTreeMap<String, Vec<Item>>) -> BTreeMap<String, Vec<Item>> {
    for v in m.values_mut() {
        v.sort();
    }
    m
}

#[test]
fn text_lists_each_pilot_with_what_the_document_says() {
    let (db, doc) = demo();
    let text = stdout(jalon(&db).args(["--lang", "en", "remind"]));
    let shown = read_text(&text);
    let want = expected(&doc, 30, None);
    assert!(want.len() >= 3, "the demo reminds several people: {want:?}");
    assert_eq!(sorted(shown.clone()), want, "{text}");
    // Overdue first (most late first), then by due date: the due days never go back.
    for (who, items) in &shown {
        assert!(
            items.windows(2).all(|w| w[0].1 <= w[1].1),
            "{who}: {items:?}"
        );
    }
    assert!(text.contains("jalon open "), "{text}");
    assert!(text.contains("Overdue ("), "{text}");
}

#[test]
fn within_sets_the_horizon() {
    let (db, doc) = demo();
    for within in [0u64, 7, 90] {
        let text =
            stdout(jalon(&db).args(["--lang", "en", "remind", "--within", &within.to_string()]));
        assert_eq!(
            sorted(read_text(&text)),
            expected(&doc, within, None),
            "--within {within}"
        );
    }
    assert_ne!(
        expected(&doc, 7, None),
        expected(&doc, 90, None),
        "the horizon matters here"
    );
}

#[test]
fn territory_narrows_and_an_unknown_one_is_refused() {
    let (db, doc) = demo();
    let text = stdout(jalon(&db).args(["--lang", "en", "remind", "--territory", "ais"]));
    let want = expected(&doc, 30, Some("AIS"));
    assert!(!want.is_empty());
    assert_eq!(sorted(read_text(&text)), want);
    assert_ne!(want, expected(&doc, 30, None));
    let err = stderr_failure(jalon(&db).args(["--lang", "en", "remind", "--territory", "XYZ"]));
    assert!(err.contains("\"XYZ\"") && err.contains("AIS"), "{err}");
}

// ---- the mails -------------------------------------------------------------

fn b64_decode(s: &str) -> Vec<u8> {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.bytes().filter(|c| *c != b'=') {
        let v = A.iter().position(|a| *a == c).expect("base64") as u32;
        bits = (bits << 6) | v;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    out
}

/// A header value with its RFC 2047 encoded words decoded (and the space between two
/// of them dropped, as the RFC says).
fn decode_words(v: &str) -> String {
    let mut out = String::new();
    let mut last_was_word = false;
    for part in v.split(' ') {
        if let Some(inner) = part
            .strip_prefix("=?UTF-8?B?")
            .and_then(|p| p.strip_suffix("?="))
        {
            out.push_str(&String::from_utf8(b64_decode(inner)).unwrap());
            last_was_word = true;
        } else {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(part);
            last_was_word = false;
        }
    }
    let _ = last_was_word;
    out
}

fn qp_decode(body: &str) -> String {
    let joined = body.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// A mail read back: its headers (name, unfolded value) in order, and its body
/// decoded, with line ends as `\n`. Checks the shape on the way: CRLF only, lines
/// of at most 78 octets in the headers and 76 in the (quoted-printable) body,
/// ASCII only.
struct Mail {
    headers: Vec<(String, String)>,
    body: String,
}

impl Mail {
    fn header(&self, name: &str) -> String {
        let found: Vec<&String> = self
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
            .collect();
        assert_eq!(found.len(), 1, "one {name} header: {:?}", self.headers);
        found[0].clone()
    }
}

fn read_mail(path: &Path) -> Mail {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.is_ascii(), "{}: 7-bit", path.display());
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.ends_with("\r\n"));
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            assert_eq!(
                text.as_bytes()[i - 1],
                b'\r',
                "bare LF at {i} in {}",
                path.display()
            );
        }
        if b == b'\r' {
            assert_eq!(text.as_bytes().get(i + 1), Some(&b'\n'), "bare CR at {i}");
        }
    }
    for l in text.split("\r\n") {
        assert!(l.len() <= 76, "long line {l:?}");
    }
    let (head, body) = text
        .split_once("\r\n\r\n")
        .expect("a blank line after the headers");
    let mut headers: Vec<(String, String)> = Vec::new();
    for l in head.split("\r\n") {
        if let Some(cont) = l.strip_prefix(' ') {
            headers
                .last_mut()
                .expect("a header to continue")
                .1
                .push_str(&format!(" {cont}"));
        } else {
            let (n, v) = l.split_once(": ").expect("Name: value");
            assert!(
                n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'),
                "{n:?}"
            );
            headers.push((n.to_string(), v.to_string()));
        }
    }
    for (_, v) in &mut headers {
        *v = decode_words(v);
    }
    Mail {
        headers,
        body: qp_decode(body).replace("\r\n", "\n"),
    }
}

fn mails(dir: &Path) -> BTreeMap<String, Mail> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        assert_eq!(
            p.extension().and_then(|x| x.to_str()),
            Some("eml"),
            "{}",
            p.display()
        );
        out.insert(
            p.file_name().unwrap().to_string_lossy().into_owned(),
            read_mail(&p),
        );
    }
    out
}

fn address_of(to: &str) -> String {
    let o = to.rfind('<').unwrap();
    to[o + 1..to.len() - 1].to_string()
}

#[test]
fn one_mail_a_person_parsed_back_says_what_the_document_says() {
    let (db, doc) = demo();
    let out = db.dir.path().join("spool/new");
    let listed = stdout(
        jalon(&db)
            .args([
                "--lang",
                "fr",
                "remind",
                "--from",
                "Jalon ARS Hauts-de-France <jalon@ars.example.org>",
                "--out",
            ])
            .arg(&out),
    );
    let people: BTreeMap<String, (String, String)> = doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let e = p["email"].as_str().unwrap_or("").to_string();
            (
                e,
                (
                    p["code"].as_str().unwrap().into(),
                    p["name"].as_str().unwrap().into(),
                ),
            )
        })
        .collect();
    let want = expected(&doc, 30, None);
    let got = mails(&out);
    assert_eq!(got.len(), want.len(), "{listed}");
    let mut seen = BTreeMap::new();
    for (file, m) in &got {
        let names: Vec<&str> = m.headers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "From",
                "To",
                "Subject",
                "Date",
                "Message-ID",
                "MIME-Version",
                "Content-Type",
                "Content-Transfer-Encoding",
                "Auto-Submitted"
            ]
        );
        assert_eq!(
            m.header("From"),
            "\"Jalon ARS Hauts-de-France\" <jalon@ars.example.org>"
        );
        assert_eq!(m.header("MIME-Version"), "1.0");
        assert_eq!(m.header("Content-Type"), "text/plain; charset=UTF-8");
        assert_eq!(m.header("Content-Transfer-Encoding"), "quoted-printable");
        let to = m.header("To");
        let email = address_of(&to);
        let (code, name) = &people[&email];
        assert_eq!(file, &format!("{code}.eml"));
        assert_eq!(to, format!("{name} <{email}>"), "the name decoded");
        let date = chrono::DateTime::parse_from_rfc2822(&m.header("Date")).unwrap();
        assert_eq!(date.date_naive(), day(TODAY));
        let id = m.header("Message-ID");
        assert!(
            id.starts_with('<') && id.ends_with("@ars.example.org>"),
            "{id}"
        );
        // The items, from the body: `- PLAN/ACTION — …` then `  échéance le JJ/MM/AAAA`.
        let mut items = Vec::new();
        let mut pending = None;
        for l in m.body.lines() {
            if let Some(rest) = l.strip_prefix("- ") {
                let (t, what) = rest.split_once(" — ").unwrap();
                pending = Some((t.to_string(), what.starts_with('◆')));
            } else if let Some(rest) = l.strip_prefix("  échéance le ") {
                let (t, ms) = pending.take().unwrap();
                items.push((
                    t,
                    NaiveDate::parse_from_str(&rest[..10], "%d/%m/%Y").unwrap(),
                    ms,
                ));
            }
        }
        assert!(
            m.body.starts_with(&format!("Bonjour {name},\n")),
            "{}",
            m.body
        );
        let overdue = items.iter().filter(|i| i.1 < day(TODAY)).count();
        let subject = m.header("Subject");
        assert_eq!(
            subject,
            format!(
                "Jalon : {overdue} en retard, {} à échéance d'ici le 30/04/2025",
                items.len() - overdue
            )
        );
        items.sort();
        seen.insert(email, items);
    }
    assert_eq!(seen, want);
    let ids: std::collections::HashSet<String> =
        got.values().map(|m| m.header("Message-ID")).collect();
    assert_eq!(ids.len(), got.len(), "every Message-ID differs");
    assert_eq!(listed.lines().count(), got.len(), "{listed}");
}

// ---- what must never happen --------------------------------------------------

/// Runs `sql` on the database (what a hand edit or another program could leave).
fn edit(db: &Db, sql: &str) {
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute_batch(sql).unwrap();
}

/// The codes of the people the demo reminds (by the document), first to last.
fn reminded_codes(doc: &Value) -> Vec<String> {
    let want = expected(doc, 30, None);
    doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["email"].as_str().is_some_and(|e| want.contains_key(e)))
        .map(|p| p["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_name_or_an_email_cannot_add_a_header() {
    let (db, doc) = demo();
    let codes = reminded_codes(&doc);
    let (named, mailed) = (&codes[0], &codes[1]);
    edit(
        &db,
        &format!(
            "UPDATE people SET name = 'Evil' || char(13, 10) || 'Bcc: victim@example.org' WHERE code = '{named}';
             UPDATE people SET email = 'x@example.org' || char(13, 10) || 'Bcc: victim@example.org' WHERE code = '{mailed}';"
        ),
    );
    let out = db.dir.path().join("out");
    let assert = jalon(&db)
        .args([
            "--lang",
            "en",
            "remind",
            "--from",
            "jalon@ars.example.org",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let got = mails(&out);
    for m in got.values() {
        for (n, v) in &m.headers {
            assert!(!n.eq_ignore_ascii_case("Bcc"), "{:?}", m.headers);
            assert!(!v.contains('\r') && !v.contains('\n'), "{v:?}");
        }
    }
    // The name travels, made visible, inside the To header only.
    let m = &got[&format!("{named}.eml")];
    assert!(
        m.header("To")
            .starts_with("Evil␍␊Bcc: victim@example.org <"),
        "{}",
        m.header("To")
    );
    assert!(
        m.body.starts_with("Hello Evil␍␊Bcc: victim@example.org,\n"),
        "{}",
        m.body
    );
    // The address that is not one: no mail, and a message naming the person.
    assert!(!got.contains_key(&format!("{mailed}.eml")));
    assert!(
        err.contains(&format!("({mailed})")) && err.contains("is not an address"),
        "{err}"
    );
    assert!(!err.contains('\r') && err.contains("␍␊Bcc"), "{err:?}");
    assert_eq!(got.len(), codes.len() - 1);
}

#[test]
fn without_a_sender_nothing_is_written() {
    let (db, _) = demo();
    let out = db.dir.path().join("out");
    let err = stderr_failure(
        jalon(&db)
            .args(["--lang", "en", "remind", "--out"])
            .arg(&out),
    );
    assert!(
        err.contains("no sender") && err.contains("--from") && err.contains("[mail]"),
        "{err}"
    );
    assert!(!out.exists(), "no folder made");
    let err = stderr_failure(
        jalon(&db)
            .args(["--lang", "en", "remind", "--from", "jalon", "--out"])
            .arg(&out),
    );
    assert!(err.contains("\"jalon\" is not an address"), "{err}");
    let err = stderr_failure(
        jalon(&db)
            .args([
                "--lang",
                "en",
                "remind",
                "--from",
                "a@b.fr\r\nBcc: c@d.fr",
                "--out",
            ])
            .arg(&out),
    );
    assert!(err.contains("is not an address"), "{err}");
    assert!(!out.exists(), "no folder made");
    // The config file's [mail] section gives it.
    let config = db.dir.path().join("config/jalon");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[mail]\nfrom = \"Jalon <jalon@ars.example.org>\"\n",
    )
    .unwrap();
    stdout(jalon(&db).args(["remind", "--out"]).arg(&out));
    let got = mails(&out);
    assert!(!got.is_empty());
    for m in got.values() {
        assert_eq!(m.header("From"), "\"Jalon\" <jalon@ars.example.org>");
    }
    // --from wins over the config.
    let again = db.dir.path().join("again");
    stdout(
        jalon(&db)
            .args(["remind", "--from", "other@ars.example.org", "--out"])
            .arg(&again),
    );
    assert!(
        mails(&again)
            .values()
            .all(|m| m.header("From") == "other@ars.example.org")
    );
}

#[test]
fn a_file_in_the_way_of_the_folder_is_refused() {
    let (db, _) = demo();
    let file = db.dir.path().join("a-file");
    std::fs::write(&file, "keep me").unwrap();
    let err = stderr_failure(
        jalon(&db)
            .args([
                "--lang",
                "en",
                "remind",
                "--from",
                "j@ars.example.org",
                "--out",
            ])
            .arg(&file),
    );
    assert!(err.contains("is a file") && err.contains("a-file"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
}

#[test]
fn pilots_without_an_email_are_listed_to_be_called() {
    let (db, doc) = demo();
    let codes = reminded_codes(&doc);
    let code = &codes[0];
    edit(
        &db,
        &format!("UPDATE people SET email = NULL WHERE code = '{code}';"),
    );
    let name: String = doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == code.as_str())
        .map(|p| p["name"].as_str().unwrap().to_string())
        .unwrap();
    let text = stdout(jalon(&db).args(["--lang", "en", "remind"]));
    let tail = text
        .split("No email, to call:\n")
        .nth(1)
        .expect("the list at the end");
    assert!(
        tail.starts_with(&format!("- no email for {name} ({code}): ")),
        "{tail}"
    );
    assert!(
        text.contains(&format!("══ {name} ({code}) — ")),
        "their list is shown too"
    );
    let out = db.dir.path().join("out");
    let assert = jalon(&db)
        .args([
            "--lang",
            "en",
            "remind",
            "--from",
            "j@ars.example.org",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains(&format!("no email for {name} ({code})")),
        "{err}"
    );
    assert_eq!(mails(&out).len(), codes.len() - 1);
}

#[test]
fn the_database_is_only_read() {
    let (db, _) = demo();
    // The demo's own writes are settled into the file first.
    edit(&db, "PRAGMA wal_checkpoint(TRUNCATE);");
    let before = std::fs::read(&db.path).unwrap();
    stdout(jalon(&db).args(["remind"]));
    let out = db.dir.path().join("out");
    stdout(
        jalon(&db)
            .args(["remind", "--from", "j@ars.example.org", "--out"])
            .arg(&out),
    );
    assert_eq!(std::fs::read(&db.path).unwrap(), before, "the same bytes");
    // Read-only even on a file nobody may write.
    let mut perms = std::fs::metadata(&db.path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&db.path, perms).unwrap();
    stdout(jalon(&db).args(["remind"]));
}

#[test]
fn nothing_to_remind_is_said() {
    let (db, _) = demo();
    edit(
        &db,
        "UPDATE actions SET status = 'done', done_on = due, progress = 100 WHERE due IS NOT NULL;",
    );
    let text = stdout(jalon(&db).args(["--lang", "en", "remind"]));
    assert_eq!(
        text,
        "Nothing to remind: no action or milestone piloted by a person is overdue or falls due by 2025-04-30.\n"
    );
}
