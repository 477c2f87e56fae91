# Sourced by bench/http_load.sh and bench/http_class_cpu.sh: the search API
# query classes both draw from an archive's own vocabulary (the classes of
# bench/store_query_bench), and the Lua table wrk rotates over.

# http_query_classes DB DIR: one file per class in DIR — common, mid, rare
# (words by document frequency), and (mid + common word), date (common word +
# date:YYYY-0M), has_quote and killed (common word + the filter), phrase (two
# adjacent words of a stored title) — and DIR/n_docs. Only alphabetic terms:
# URL-encoding is then just spaces, quotes and the filters' punctuation.
http_query_classes() {
  local db=$1 dir=$2
  vocab() {  # $1 = ORDER/LIMIT clause
    sqlite3 -readonly "$db" "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, articles_fts, row);
      SELECT term FROM temp.v WHERE term GLOB '[a-z][a-z][a-z]*' AND term NOT GLOB '*[^a-z]*' $1;"
  }
  local n_docs common mid rare i w
  n_docs=$(sqlite3 -readonly "$db" "SELECT count(*) FROM articles")
  echo "$n_docs" > "$dir/n_docs"
  common=$(vocab "ORDER BY doc DESC LIMIT 60 OFFSET 20")
  mid=$(vocab "ORDER BY doc DESC LIMIT 60 OFFSET 1000")
  rare=$(vocab "AND doc BETWEEN 3 AND max(30, $n_docs / 20000) ORDER BY term LIMIT 60")
  for w in $common; do echo "$w"; done > "$dir/common"
  for w in $mid; do echo "$w"; done > "$dir/mid"
  for w in $rare; do echo "$w"; done > "$dir/rare"
  paste -d' ' <(echo "$mid" | head -40) <(echo "$common" | head -40) > "$dir/and"
  i=0; for w in $(echo "$common" | head -40); do echo "$w date:$((1990 + i % 36))-0$((1 + i % 9))"; i=$((i + 1)); done > "$dir/date"
  for w in $(echo "$common" | head -20); do echo "$w has:quote"; done > "$dir/has_quote"
  for w in $(echo "$common" | head -20); do echo "$w killed>=1"; done > "$dir/killed"
  sqlite3 -readonly "$db" "SELECT lower(title) FROM articles WHERE title GLOB '[A-Za-z]* [A-Za-z]*' LIMIT 40 OFFSET 7" |
    awk '{ if ($1 ~ /^[a-z]+$/ && $2 ~ /^[a-z]+$/) printf "\"%s %s\"\n", $1, $2 }' > "$dir/phrase"
}

# http_lua_queries FILE: the Lua table `queries` of FILE's lines, URL-encoded.
http_lua_queries() {
  echo "local queries = {"
  sed -e 's/%/%25/g' -e 's/ /+/g' -e 's/"/%22/g' -e 's/>/%3E/g' -e 's/=/%3D/g' -e 's/:/%3A/g' \
      -e 's/^/  "/' -e 's/$/",/' "$1"
  echo "}"
}
