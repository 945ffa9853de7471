//! Writes a generated region of N actions as a jalon/1 file, for the benchmarks:
//! `cargo run --release --example gen_dataset -- 100000 /tmp/region-100k.json`

use std::io::Write;

// Shared with the benchmarks, which use all of it; this program needs only `region`.
#[allow(dead_code)]
#[path = "../benches/support/synthetic.rs"]
mod synthetic;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().unwrap_or_else(|| "10000".into()).parse()?;
    let out = args.next().unwrap_or_else(|| format!("region-{n}.json"));
    let doc = synthetic::region(n);
    let mut f = std::io::BufWriter::new(std::fs::File::create(&out)?);
    serde_json::to_writer(&mut f, &doc)?;
    f.write_all(b"\n")?;
    f.flush()?;
    eprintln!("{out}: {n} actions in {} plans", doc.plans.len());
    Ok(())
}
