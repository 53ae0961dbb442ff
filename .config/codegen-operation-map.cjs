// A GraphQL Code Generator plugin: the map from each operation's name to its
// generated answer and variables types, which the web's `operation(name, source)`
// reads, so a document is typed by the name written in it and nowhere else.
// CommonJS because the code generator loads plugins with require().
module.exports = {
  plugin(_schema, documents) {
    const rows = [];
    for (const { document } of documents) {
      for (const definition of document?.definitions ?? []) {
        if (definition.kind !== 'OperationDefinition' || !definition.name) continue;
        const name = definition.name.value;
        const suffix = definition.operation === 'query' ? 'Query' : definition.operation === 'mutation' ? 'Mutation' : 'Subscription';
        rows.push(`  ${name}: { result: ${name}${suffix}; variables: ${name}${suffix}Variables };`);
      }
    }
    rows.sort();
    return ['', '/** Every operation of the web, by name: its answer and its variables. */', 'export interface Operations {', ...rows, '}', ''].join('\n');
  },
};
