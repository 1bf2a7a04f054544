// `pnpm check:source-size`: no source file over 250 lines and no function over 80 lines in the packages a
// newcomer reads first (core, fetch, ky, axios). Generated tables (`*.generated.ts`) and tests are exempt.
// Prints the five longest files and functions either way; exits 1 when a limit is exceeded.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SOURCE_DIRS = ['packages/core/src', 'packages/fetch/src', 'packages/ky/src', 'packages/axios/src']
const MAX_FILE_LINES = 250
const MAX_FUNCTION_LINES = 80
const SHOWN = 5

const isChecked = (name) =>
  name.endsWith('.ts') &&
  !name.endsWith('.d.ts') &&
  !name.endsWith('.test.ts') &&
  !name.endsWith('.generated.ts')

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* sourceFiles(path)
    else if (isChecked(entry.name)) yield path
  }
}

/** A function's name as a reader would search for it: its own, its variable's, or its property's. */
function nameOf(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text
  if (ts.isConstructorDeclaration(node)) return 'constructor'
  const parent = node.parent
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name)
    return parent.name.getText()
  if (node.name) return node.name.getText()
  return '<anonymous>'
}

const lineOf = (file, position) => file.getLineAndCharacterOfPosition(position).line

/** Every function-like node of `file` with its length in lines (an outer function counts its inner ones). */
function functionsOf(file, path) {
  const found = []
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const lines = lineOf(file, node.getEnd()) - lineOf(file, node.getStart(file)) + 1
      const at = `${path}:${lineOf(file, node.getStart(file)) + 1}`
      found.push({ name: nameOf(node), at, lines })
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

const files = []
const functions = []
for (const dir of SOURCE_DIRS) {
  for (const absolute of sourceFiles(join(ROOT, dir))) {
    const path = relative(ROOT, absolute)
    const text = readFileSync(absolute, 'utf8')
    files.push({ path, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) })
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
    functions.push(...functionsOf(file, path))
  }
}
files.sort((a, b) => b.lines - a.lines)
functions.sort((a, b) => b.lines - a.lines)

const longFiles = files.filter((f) => f.lines > MAX_FILE_LINES)
const longFunctions = functions.filter((f) => f.lines > MAX_FUNCTION_LINES)

console.log(`Longest ${SHOWN} source files (limit ${MAX_FILE_LINES} lines):`)
for (const f of files.slice(0, SHOWN)) console.log(`  ${String(f.lines).padStart(4)}  ${f.path}`)
console.log(`Longest ${SHOWN} functions (limit ${MAX_FUNCTION_LINES} lines):`)
for (const f of functions.slice(0, SHOWN)) console.log(`  ${String(f.lines).padStart(4)}  ${f.name}  ${f.at}`)

if (longFiles.length > 0 || longFunctions.length > 0) {
  console.log(
    `\n${longFiles.length} file(s) over ${MAX_FILE_LINES} lines, ${longFunctions.length} function(s) over ${MAX_FUNCTION_LINES} lines:`,
  )
  for (const f of longFiles) console.log(`  file      ${f.lines}  ${f.path}`)
  for (const f of longFunctions) console.log(`  function  ${f.lines}  ${f.name}  ${f.at}`)
  process.exitCode = 1
} else {
  console.log(`\nAll ${files.length} files and ${functions.length} functions are within the limits.`)
}
