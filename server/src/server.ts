/** Language server entry: created by the client over IPC, or run with `--stdio` by other editors and tests. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

const connection = createConnection(ProposedFeatures.all);
connection.onInitialize(() => ({ capabilities: {} }));
connection.listen();
