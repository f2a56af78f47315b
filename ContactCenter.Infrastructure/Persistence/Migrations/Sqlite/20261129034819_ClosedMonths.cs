using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClosedMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClosedMonths",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateTime>(type: "TEXT", nullable: false),
                    To = table.Column<DateTime>(type: "TEXT", nullable: false),
                    KeptAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedMonths", x => new { x.Year, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "ClosedMonthFigures",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    ExecutorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DirectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    RepeatAppeals = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedLate = table.Column<int>(type: "INTEGER", nullable: false),
                    InWork = table.Column<int>(type: "INTEGER", nullable: false),
                    Overdue = table.Column<int>(type: "INTEGER", nullable: false),
                    UnderAdditionalControl = table.Column<int>(type: "INTEGER", nullable: false),
                    InSerPlans = table.Column<int>(type: "INTEGER", nullable: false),
                    Redirected = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedMonthFigures", x => new { x.Year, x.Month, x.ExecutorId });
                    table.ForeignKey(
                        name: "FK_ClosedMonthFigures_ClosedMonths_Year_Month",
                        columns: x => new { x.Year, x.Month },
                        principalTable: "ClosedMonths",
                        principalColumns: new[] { "Year", "Month" },
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClosedMonthFigures");

            migrationBuilder.DropTable(
                name: "ClosedMonths");
        }
    }
}
