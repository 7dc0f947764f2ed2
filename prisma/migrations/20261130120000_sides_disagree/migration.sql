-- AlterEnum
ALTER TYPE "DiscrepancyKind" ADD VALUE 'SIDES_DISAGREE';
