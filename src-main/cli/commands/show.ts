import type { Command } from 'commander';
import type { Interaction } from '../../../proxy/cassette/cassette.model';
import { formatBytes, printJson, printTable, type CliIo } from '../cli-io';
import { withLibrary } from '../global-options';

function describeInteraction(interaction: Interaction): [string, string, string] {
  switch (interaction.type) {
    case 'Http':
      return [
        interaction.request.method,
        interaction.request.url,
        String(interaction.response.status),
      ];
    case 'HttpError':
      return [interaction.request.method, interaction.request.url, interaction.error.errorType];
    case 'WebSocket':
      return ['WS', interaction.url, `${interaction.messages.length} messages`];
  }
}

export function registerShow(program: Command, io: CliIo): void {
  program
    .command('show')
    .description("print a cassette's details and interactions")
    .argument('<name>', 'cassette name')
    .option('--json', 'print the whole cassette as JSON')
    .action(async (name: string, options: { json?: boolean }, command: Command) => {
      await withLibrary(command, io, async (library) => {
        const { cassette, summary } = await library.get(name);
        if (options.json === true) return printJson(io, { summary, cassette });
        io.out(`${summary.name}  (${summary.fileName}, ${summary.format} ${summary.version})\n`);
        io.out(`recorded   ${cassette.recordedAt}\n`);
        io.out(`modified   ${cassette.metadata.modifiedAt}\n`);
        io.out(`size       ${formatBytes(summary.sizeBytes)}\n`);
        if (summary.tags.length > 0) io.out(`tags       ${summary.tags.join(', ')}\n`);
        if (summary.description !== '') io.out(`about      ${summary.description}\n`);
        const { http, httpError, webSocket, total } = summary.interactions;
        io.out(
          `${total} interactions: ${http} HTTP, ${httpError} errors, ${webSocket} WebSocket\n\n`,
        );
        printTable(
          io,
          ['ID', 'TYPE', 'METHOD', 'URL', 'RESULT'],
          cassette.interactions.map((interaction) => [
            interaction.id,
            interaction.type,
            ...describeInteraction(interaction),
          ]),
        );
      });
    });
}
