/** A bench script run alone (`node bench/x.js`): its table printed, or its error and exit code 1. */
'use strict';

const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function printTable(table) {
  table.then(
    (text) => console.log(text),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

module.exports = { DATABASE_URL, printTable };
