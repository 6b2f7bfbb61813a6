// The pass and dialect references in docs/ are the ones TableGen generates
// from Passes.td and the dialect's .td files (utils/update_docs.sh copies
// them there).
// RUN: diff %coreai_obj/docs/coreai/CoreAIPasses.md %coreai_src/docs/Passes.md
// RUN: diff %coreai_obj/docs/coreai/CoreAIDialect.md %coreai_src/docs/Dialect.md
