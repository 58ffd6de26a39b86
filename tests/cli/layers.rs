//! The layers run one way: no module imports one that imports it back,
//! directly or around a circle. The check reads the source: every `crate::`
//! and `super::` path outside test code is an edge from the module of its
//! file to the module it names, in three graphs: between the top-level
//! modules (scope `crate`: `engine` -> `library`), between the files of one
//! module (scope `engine`: `durations` -> `segment`), and between files
//! anywhere (scope `files`: `words` -> `engine::segment`). A name that a
//! module's own file re-exports counts as the file that defines it, and a
//! file's use of its parent module's own items is no edge. Test code
//! (`#[cfg(test)]` items and the files they declare) may reach anywhere and
//! is left out. An edge that must stay is in [`ALLOWED`] with why; one that
//! is no longer there fails too, so the list keeps to what is true.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Edges that close a circle and stay, each with why: (scope, from, to, why).
/// The scope is `crate` for the top-level modules, or the module whose files
/// are compared.
const ALLOWED: &[(&str, &str, &str, &str)] = &[(
    "crate",
    "engine",
    "words",
    "the engine times what is said (a get-ready lasts until its words are said), so it \
         counts the sentences words/mod.rs makes of library facts and of the engine's leaf facts \
         (a segment, a breath, a step left out), while words/run.rs renders the engine's events \
         from above; between files it runs one way (see engine/mod.rs)",
)];

/// One source file: its module path (`engine::plan::builder`), its place
/// for messages, and its text with comments, string contents and test code
/// taken out (lines kept, for the messages).
struct Source {
    module: Vec<String>,
    place: String,
    code: String,
}

/// `from -> to -> where` (the first `file:line` that makes the edge).
type Graph = BTreeMap<String, BTreeMap<String, String>>;

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("src"), &mut files);
    let sources: Vec<(String, String)> = files
        .iter()
        .map(|path| {
            let place = path.strip_prefix(root).unwrap().display().to_string();
            (place, std::fs::read_to_string(path).unwrap())
        })
        .collect();
    let graphs = graphs(&sources);
    let mut problems = Vec::new();
    for (scope, graph) in &graphs {
        for circle in circles(graph, scope) {
            problems.push(format!("an import circle in {scope}:\n{circle}"));
        }
    }
    for (scope, from, to, _) in ALLOWED {
        let there = graphs
            .get(*scope)
            .and_then(|g| g.get(*from))
            .is_some_and(|tos| tos.contains_key(*to));
        if !there {
            problems.push(format!(
                "{scope}: {from} -> {to} is allowed but no longer there; take it out of ALLOWED"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// The check finds a circle, says where each edge comes from, and leaves
/// test code out.
#[test]
fn the_check_finds_a_circle_and_leaves_test_code_out() {
    let file = |place: &str, text: &str| (place.to_string(), text.to_string());
    let sources = [
        file("src/lib.rs", "mod a;\nmod b;\nmod c;\n"),
        file(
            "src/a.rs",
            "use crate::b::{X, y::Z};\n#[cfg(test)]\nmod tests { use crate::c::W; }\n",
        ),
        file(
            "src/b/mod.rs",
            "mod y;\nmod z;\npub use z::Q;\n// use crate::c::V;\nconst S: &str = \"crate::c\";\n",
        ),
        file("src/b/y.rs", "\nuse super::Q;\nfn f() { crate::a::go() }\n"),
        file("src/b/z.rs", "use super::{super::b::y::Z, self as b};\n"),
        file("src/c.rs", "#[cfg(test)]\nuse crate::a::T;\n"),
    ];
    let graphs = graphs(&sources);
    let top = &graphs["crate"];
    assert_eq!(top["a"]["b"], "src/a.rs:1");
    assert_eq!(top["b"]["a"], "src/b/y.rs:3");
    assert!(!top.contains_key("c") && !top["a"].contains_key("c"));
    assert!(!top["b"].contains_key("c"));
    assert_eq!(
        circles(top, "nothing allowed"),
        ["a -> b (src/a.rs:1)\nb -> a (src/b/y.rs:3)"]
    );
    let files = &graphs["files"];
    assert_eq!(files["a"]["b::y"], "src/a.rs:1");
    assert_eq!(files["b::y"]["a"], "src/b/y.rs:3");
    assert_eq!(files["b::y"]["b::z"], "src/b/y.rs:2");
    let b = &graphs["b"];
    assert_eq!(b["y"]["z"], "src/b/y.rs:2");
    assert_eq!(b["z"]["y"], "src/b/z.rs:1");
    assert_eq!(circles(b, "b").len(), 1);
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The import graph of each scope: `crate` for the top-level modules, and
/// each module with files of its own for those files.
fn graphs(files: &[(String, String)]) -> BTreeMap<String, Graph> {
    let mut test_modules = BTreeSet::new();
    let mut sources: Vec<Source> = files
        .iter()
        .map(|(place, text)| {
            let module = module_of(place);
            let (code, tests) = without_tests(&clean(text));
            test_modules.extend(tests.into_iter().map(|name| {
                let mut m = module.clone();
                m.push(name);
                m
            }));
            Source {
                module,
                place: place.clone(),
                code,
            }
        })
        .collect();
    sources.retain(|s| !test_modules.iter().any(|t| s.module.starts_with(t)));
    let modules: BTreeSet<Vec<String>> = sources.iter().map(|s| s.module.clone()).collect();
    let children = |parent: &[String]| -> BTreeSet<String> {
        modules
            .iter()
            .filter(|m| m.len() > parent.len() && m.starts_with(parent))
            .map(|m| m[parent.len()].clone())
            .collect()
    };
    // What each module's own file re-exports from its files: name -> file.
    let mut reexports: BTreeMap<Vec<String>, BTreeMap<String, String>> = BTreeMap::new();
    for source in &sources {
        let own = children(&source.module);
        for statement in source.code.split(';') {
            let statement = statement.trim();
            let Some(at) = statement.find("use ") else {
                continue;
            };
            if at > 0 && !statement.as_bytes()[at - 1].is_ascii_whitespace() {
                continue;
            }
            if !statement[..at].trim_start().starts_with("pub") {
                continue;
            }
            for path in paths(&statement[at + 4..]) {
                let path: Vec<&str> = path.iter().map(String::as_str).collect();
                let path = path.strip_prefix(&["self"]).unwrap_or(&path[..]);
                if let (Some(first), Some(last)) = (path.first(), path.last())
                    && path.len() > 1
                    && own.contains(*first)
                {
                    reexports
                        .entry(source.module.clone())
                        .or_default()
                        .insert(last.to_string(), first.to_string());
                }
            }
        }
    }
    let mut graphs: BTreeMap<String, Graph> = BTreeMap::new();
    for source in &sources {
        for (target, line) in targets(source) {
            let place = format!("{}:{line}", source.place);
            let mut add = |scope: String, from: &str, to: &str| {
                if from != to {
                    graphs
                        .entry(scope)
                        .or_default()
                        .entry(from.to_string())
                        .or_default()
                        .entry(to.to_string())
                        .or_insert_with(|| place.clone());
                }
            };
            if let (Some(from), Some(to)) = (source.module.first(), target.first())
                && modules.iter().any(|m| m.first() == Some(to))
            {
                add("crate".to_string(), from, to);
            }
            // Between files anywhere: a name re-exported by a module's own
            // file is counted as the file that defines it.
            let mut to: Vec<String> = Vec::new();
            for name in &target {
                let mut deeper = to.clone();
                deeper.push(name.clone());
                if modules.contains(&deeper) {
                    to = deeper;
                } else {
                    if let Some(file) = reexports.get(&to).and_then(|r| r.get(name)) {
                        to.push(file.clone());
                    }
                    break;
                }
            }
            if !to.starts_with(&source.module) && !source.module.starts_with(&to) {
                add(
                    "files".to_string(),
                    &source.module.join("::"),
                    &to.join("::"),
                );
            }
            // Between the files of each module both sides are in.
            for depth in 1..source.module.len() {
                let parent = &source.module[..depth];
                if target.len() <= depth || !target.starts_with(parent) {
                    break;
                }
                let name = &target[depth];
                let to = if children(parent).contains(name) {
                    Some(name)
                } else {
                    reexports.get(parent).and_then(|r| r.get(name))
                };
                if let Some(to) = to {
                    add(parent.join("::"), &source.module[depth], to);
                }
            }
        }
    }
    graphs
}

/// `src/engine/plan/builder.rs` -> `engine::plan::builder`; `src/lib.rs`
/// and `src/main.rs` are the crate itself.
fn module_of(place: &str) -> Vec<String> {
    let path = place
        .strip_prefix("src/")
        .unwrap()
        .strip_suffix(".rs")
        .unwrap();
    let mut module: Vec<String> = path.split('/').map(String::from).collect();
    if module.last().is_some_and(|last| last == "mod") || module == ["lib"] || module == ["main"] {
        module.pop();
    }
    module
}

/// The text with comments gone and string and character literals emptied,
/// so that only code is read; every line ending is kept.
fn clean(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                if chars[i] == '\n' {
                    out.push('\n');
                }
                i += 1;
            }
            i += 2;
        } else if c == 'r' && matches!(next, Some('"' | '#')) && !is_ident(out.chars().next_back())
        {
            let mut hashes = 0;
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let end: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let rest: String = chars[j + 1..].iter().collect();
            let len = rest.find(&end).map_or(rest.len(), |n| n + end.len());
            out.push_str("\"\"");
            out.extend(rest[..len].chars().filter(|&c| c == '\n'));
            i = j + 1 + rest[..len].chars().count();
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if chars.get(i) == Some(&'\n') {
                    out.push('\n');
                }
                i += 1;
            }
            out.push_str("\"\"");
            i += 1;
        } else if c == '\'' && (chars.get(i + 2) == Some(&'\'') || next == Some('\\')) {
            // A character literal ('{', '\n', '\u{7f}'), not a lifetime.
            let from = if next == Some('\\') { i + 3 } else { i + 2 };
            let end = (from..chars.len()).find(|&j| chars[j] == '\'');
            out.push_str("' '");
            i = end.map_or(chars.len(), |j| j + 1);
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// The code without its `#[cfg(test)]` items (blanked, lines kept), and the
/// names of the test modules it declares in files of their own.
fn without_tests(code: &str) -> (String, Vec<String>) {
    const MARK: &str = "#[cfg(test)]";
    let mut out = code.to_string();
    let mut tests = Vec::new();
    let mut from = 0;
    while let Some(found) = out[from..].find(MARK) {
        let start = from + found;
        let item = start + MARK.len();
        let bytes = out.as_bytes();
        let stop = (item..bytes.len()).find(|&j| matches!(bytes[j], b';' | b'{'));
        let end = match stop {
            Some(j) if bytes[j] == b';' => {
                let words: Vec<&str> = out[item..j].split_whitespace().collect();
                if let [.., "mod", name] = words.as_slice() {
                    tests.push(name.to_string());
                }
                j + 1
            }
            Some(j) => {
                let mut depth = 0;
                let mut k = j;
                loop {
                    match bytes.get(k) {
                        Some(b'{') => depth += 1,
                        Some(b'}') => {
                            depth -= 1;
                            if depth == 0 {
                                break k + 1;
                            }
                        }
                        None => break k,
                        _ => {}
                    }
                    k += 1;
                }
            }
            None => bytes.len(),
        };
        let blank: String = out[start..end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        out.replace_range(start..end, &blank);
        from = start + blank.len();
    }
    (out, tests)
}

/// Every module path a file names, from the crate root, with its line.
fn targets(source: &Source) -> Vec<(Vec<String>, usize)> {
    let code = &source.code;
    let mut found = Vec::new();
    for start in ["crate::", "super::"] {
        for (at, _) in code.match_indices(start) {
            // `super::super::` is read whole from its first `super`.
            if is_ident(code[..at].chars().next_back()) || code[..at].ends_with("::") {
                continue;
            }
            let line = code[..at].matches('\n').count() + 1;
            let mut base: Vec<String> = if start == "crate::" {
                Vec::new()
            } else {
                source.module[..source.module.len().saturating_sub(1)].to_vec()
            };
            let mut rest = &code[at + start.len()..];
            while let Some(r) = rest.trim_start().strip_prefix("super::") {
                base.pop();
                rest = r;
            }
            for path in paths(rest) {
                let mut full = base.clone();
                for segment in path {
                    if segment == "super" {
                        full.pop();
                    } else if segment != "self" {
                        full.push(segment);
                    }
                }
                found.push((full, line));
            }
        }
    }
    found
}

/// The paths at the start of `text`: `a::b::{c, d::{e, f}}` is `a::b::c`,
/// `a::b::d::e` and `a::b::d::f`.
fn paths(text: &str) -> Vec<Vec<String>> {
    let mut at = 0;
    tree(text.as_bytes(), &mut at)
}

fn tree(text: &[u8], at: &mut usize) -> Vec<Vec<String>> {
    let skip_space = |at: &mut usize| {
        while text.get(*at).is_some_and(u8::is_ascii_whitespace) {
            *at += 1;
        }
    };
    skip_space(at);
    if text.get(*at) == Some(&b'{') {
        *at += 1;
        let mut all = Vec::new();
        loop {
            all.extend(tree(text, at));
            skip_space(at);
            // Past an `as name` or anything else up to the next item.
            while let Some(&c) = text.get(*at) {
                if c == b',' || c == b'}' {
                    break;
                }
                *at += 1;
            }
            if let Some(b',') = text.get(*at) {
                *at += 1;
            } else {
                *at += 1;
                return all;
            }
            skip_space(at);
            if text.get(*at) == Some(&b'}') {
                *at += 1;
                return all;
            }
        }
    }
    let begin = *at;
    while text
        .get(*at)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    {
        *at += 1;
    }
    if begin == *at {
        return vec![Vec::new()];
    }
    let name = String::from_utf8_lossy(&text[begin..*at]).into_owned();
    let here = *at;
    skip_space(at);
    if text[*at..].starts_with(b"::") {
        *at += 2;
        let rest = tree(text, at);
        return rest
            .into_iter()
            .map(|mut path| {
                path.insert(0, name.clone());
                path
            })
            .collect();
    }
    *at = here;
    vec![vec![name]]
}

/// Each circle of `graph` once the edges allowed in `scope` are taken out,
/// as its edges with where each is made.
fn circles(graph: &Graph, scope: &str) -> Vec<String> {
    let allowed = |from: &str, to: &str| {
        ALLOWED
            .iter()
            .any(|(s, f, t, _)| *s == scope && *f == from && *t == to)
    };
    let edges: BTreeMap<&str, Vec<&str>> = graph
        .iter()
        .map(|(from, tos)| {
            let tos = tos
                .keys()
                .map(String::as_str)
                .filter(|to| !allowed(from, to))
                .collect();
            (from.as_str(), tos)
        })
        .collect();
    // Two nodes are in one circle when each reaches the other.
    let reach = |from: &str| -> BTreeSet<&str> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from];
        while let Some(node) = todo.pop() {
            for &to in edges.get(node).into_iter().flatten() {
                if seen.insert(to) {
                    todo.push(to);
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&str, BTreeSet<&str>> = graph
        .keys()
        .map(|node| (node.as_str(), reach(node)))
        .collect();
    let mut done = BTreeSet::new();
    let mut found = Vec::new();
    for (&node, reaches) in &reached {
        if done.contains(node) || !reaches.contains(node) {
            continue;
        }
        let members: BTreeSet<&str> = reaches
            .iter()
            .copied()
            .filter(|other| reached.get(other).is_some_and(|r| r.contains(node)))
            .collect();
        let lines: Vec<String> = members
            .iter()
            .flat_map(|&from| {
                edges[from]
                    .iter()
                    .filter(|to| members.contains(*to))
                    .map(move |&to| format!("{from} -> {to} ({})", graph[from][to]))
            })
            .collect();
        done.extend(members);
        found.push(lines.join("\n"));
    }
    found
}

/// `lib.rs`'s map of where each concept lives names every file by its path
/// (a folder's `mod.rs` by the folder; unit tests in `tests.rs` aside), so
/// that a newcomer finds each one from it.
#[test]
fn the_map_in_lib_rs_names_every_module() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(root.join("lib.rs")).unwrap();
    let named = map_paths(&lib);
    let mut files = Vec::new();
    collect(&root, &mut files);
    let missing: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let path = path.strip_prefix(&root).unwrap().to_str()?;
            let name = match path.rsplit('/').next()? {
                "lib.rs" | "main.rs" | "tests.rs" => return None,
                "mod.rs" => format!("{}/", path.strip_suffix("/mod.rs")?),
                _ => path.to_string(),
            };
            (!named.contains(&name)).then_some(name)
        })
        .collect();
    assert!(
        missing.is_empty(),
        "src/lib.rs's map does not name: {}",
        missing.join(", ")
    );
}

/// The paths under `src/` that the map in `lib.rs` names. Each item of the
/// map is about one module, named first (`` `runner/` `` or
/// `` `config.rs` ``); a file named in a folder's item is in that folder
/// (`` `screen.rs` `` in `runner/`'s), one named in parentheses after a
/// folder is in that folder (`` `history/` (`desk.rs`) `` in `render/`'s),
/// and a path that starts with the item's module, or any path in a file's
/// item, is from `src/` (`` `config/key.rs` ``).
fn map_paths(lib: &str) -> BTreeSet<String> {
    let map: Vec<&str> = lib
        .lines()
        .filter_map(|line| line.strip_prefix("//!"))
        .skip_while(|line| !line.starts_with(" # Where each concept lives"))
        .take_while(|line| !line.starts_with(" # Layers"))
        .collect();
    let items = map.join("\n");
    let mut named = BTreeSet::new();
    for item in items.split("\n - ").skip(1) {
        let module = item
            .strip_prefix('`')
            .and_then(|rest| rest.split('`').next())
            .and_then(|first| first.strip_suffix('/'))
            .map(|folder| format!("{folder}/"));
        let module = module.unwrap_or_default();
        // The folder each open parenthesis is in, innermost last.
        let mut folders = vec![module.clone()];
        let mut last: Option<String> = None;
        let mut rest = item;
        while let Some(at) = rest.find(['`', '(', ')']) {
            let (mark, after) = (rest.as_bytes()[at], &rest[at + 1..]);
            rest = after;
            match mark {
                b'(' => {
                    let inner = folders.last().unwrap().clone();
                    let folder = last.take().filter(|t| t.ends_with('/') && *t != module);
                    folders.push(folder.map_or(inner.clone(), |f| format!("{inner}{f}")));
                }
                b')' => {
                    if folders.len() > 1 {
                        folders.pop();
                    }
                    last = None;
                }
                _ => {
                    let Some(end) = rest.find('`') else { break };
                    let token = &rest[..end];
                    rest = &rest[end + 1..];
                    let inner = folders.last().unwrap();
                    let path = if module.is_empty() || token.starts_with(&module) {
                        token.to_string()
                    } else {
                        format!("{inner}{token}")
                    };
                    // Only what comes right before a parenthesis opens it.
                    let next = rest.trim_start_matches(' ');
                    last = next.starts_with('(').then(|| token.to_string());
                    named.insert(path);
                }
            }
        }
    }
    named
}

/// The map's paths are whole: a file in one folder never stands for one of
/// the same name in another.
#[test]
fn the_map_names_files_by_their_paths() {
    let lib = "//! # Where each concept lives\n\
               //!\n\
               //! - `render/`: printers: `sheet.rs`, `history/` (`report.rs`,\n\
               //!   `desk.rs` the days (and more)), `run.rs`.\n\
               //! - `history/`: the file (`store.rs`), `render/x.rs`.\n\
               //! - `config.rs`: settings; `config/key.rs` the keys.\n\
               //! - `context.rs`: the context; `exit.rs` exits.\n\
               //!\n\
               //! # Layers\n\
               //!\n\
               //! - `engine/`: `plan.rs`.\n";
    let named: Vec<String> = map_paths(lib).into_iter().collect();
    assert_eq!(
        named,
        [
            "config.rs",
            "config/key.rs",
            "context.rs",
            "exit.rs",
            "history/",
            "history/render/x.rs",
            "history/store.rs",
            "render/",
            "render/history/",
            "render/history/desk.rs",
            "render/history/report.rs",
            "render/run.rs",
            "render/sheet.rs",
        ]
    );
}
