-- AlterEnum
ALTER TYPE "AppealsBodyOutcome" ADD VALUE 'CLOSED';
