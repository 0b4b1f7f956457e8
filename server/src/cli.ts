/** `lambda-lens` command line. */
process.stdout.write('lambda-lens\n');
